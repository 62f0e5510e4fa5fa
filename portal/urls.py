from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve

from campaigns.sitemaps import CampaignSitemap, ThemeSitemap
from news.sitemaps import ArticleSitemap, CategorySitemap, TagSitemap

from . import admin_statistics, views

sitemaps = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "campaigns": CampaignSitemap,
    "themes": ThemeSitemap,
}

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("", include("news.urls")),
    path("phong-trao/", include("campaigns.urls")),
    path("tham-do-y-kien/", include("portal.poll_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("admin/thong-ke/", admin.site.admin_view(admin_statistics.statistics_view), name="admin-statistics"),
    path("admin/", admin.site.urls),
    path("ckeditor5/", include("django_ckeditor_5.urls")),
]

if settings.SERVE_MEDIA:
    # Development and tests only; in production the web server serves MEDIA_ROOT.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]
