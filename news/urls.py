from django.urls import path

from . import comment_views, feeds, views

app_name = "news"

urlpatterns = [
    path("tin-moi/", views.ArticleListView.as_view(), name="latest"),
    path("bai-viet/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("chuyen-muc/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("the/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("luu-tru/", views.ArchiveIndexView.as_view(), name="archive"),
    path("luu-tru/<int:year>/<int:month>/", views.ArchiveMonthView.as_view(), name="archive-month"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed-rss"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.CategoryFeed(), name="category-feed-rss"),
    path("chuyen-muc/<slug:slug>/atom/", feeds.CategoryAtomFeed(), name="category-feed-atom"),
    # A campaign's articles belong to news (campaigns never imports news), under the campaign's address.
    path("phong-trao/<slug:slug>/rss/", feeds.CampaignFeed(), name="campaign-feed-rss"),
    path("phong-trao/<slug:slug>/atom/", feeds.CampaignAtomFeed(), name="campaign-feed-atom"),
    path("bai-viet/<slug:slug>/binh-luan/", comment_views.post_comment, name="comment-post"),
    path("binh-luan/<int:pk>/tep-dinh-kem/", comment_views.comment_attachment, name="comment-attachment"),
]
