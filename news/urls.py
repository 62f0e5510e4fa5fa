from django.urls import path

from . import comment_views, preview, views

app_name = "news"

urlpatterns = [
    path("tin-moi/", views.ArticleListView.as_view(), name="latest"),
    path("bai-viet/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("xem-truoc/bai-viet/<int:pk>/", preview.ArticlePreviewView.as_view(), name="article-preview"),
    path("xem-truoc/<str:token>/", preview.SignedArticlePreviewView.as_view(), name="article-preview-signed"),
    path("chuyen-muc/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("the/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("bai-viet/<slug:slug>/binh-luan/", comment_views.post_comment, name="comment-post"),
    path("binh-luan/<int:pk>/tep-dinh-kem/", comment_views.comment_attachment, name="comment-attachment"),
]
