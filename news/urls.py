from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("tin-moi/", views.ArticleListView.as_view(), name="latest"),
    path("bai-viet/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("chuyen-muc/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("the/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
]
