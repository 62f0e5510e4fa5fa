from django.urls import path, register_converter

from . import feeds, preview, views

app_name = "news"


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"


class MonthConverter(YearConverter):
    """ "05", the way archive addresses write a month ("/luu-tru/2024/05/")."""

    regex = "0[1-9]|1[0-2]"

    def to_url(self, value: int) -> str:
        return f"{int(value):02d}"


register_converter(YearConverter, "yyyy")
register_converter(MonthConverter, "mm")

urlpatterns = [
    path("tin-moi/", views.ArticleListView.as_view(), name="latest"),
    path("bai-viet/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("xem-truoc/bai-viet/<int:pk>/", preview.ArticlePreviewView.as_view(), name="article-preview"),
    path("xem-truoc/<str:token>/", preview.SignedArticlePreviewView.as_view(), name="article-preview-signed"),
    path("chuyen-muc/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("the/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("luu-tru/", views.ArchiveIndexView.as_view(), name="archive"),
    path("luu-tru/<yyyy:year>/<mm:month>/", views.ArchiveMonthView.as_view(), name="archive-month"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed-rss"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.CategoryFeed(), name="category-feed-rss"),
    path("chuyen-muc/<slug:slug>/atom/", feeds.CategoryAtomFeed(), name="category-feed-atom"),
    # A campaign's articles belong to news (campaigns never imports news), under the campaign's address.
    path("phong-trao/<slug:slug>/rss/", feeds.CampaignFeed(), name="campaign-feed-rss"),
    path("phong-trao/<slug:slug>/atom/", feeds.CampaignAtomFeed(), name="campaign-feed-atom"),
]
