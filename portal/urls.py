from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from django.views.static import serve

from news.images import editor_image_upload
from portal.accounts.views import view_on_site

from . import sitemaps, views


def moved_admin_redirects() -> list:
    """Admin addresses from before comments, polls and site parts had apps of their own: editors' bookmarks."""
    moves = [
        ("news", "comments", "comment|blockedword|commentsettings"),
        ("portal", "polls", "poll|pollchoice|pollvote"),
        ("portal", "site_parts", "slogan|bannerlink|weblink|video"),
    ]
    return [
        re_path(
            rf"^admin/{old}/(?P<rest>(?:{models})/.*)$",
            RedirectView.as_view(url=f"/admin/{new}/%(rest)s", permanent=True, query_string=True),
        )
        for old, new, models in moves
    ]


# A database outage met outside a view (in a middleware) is a 503 page too (portal/outage.py).
handler500 = "portal.outage.server_error"


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("", include("news.urls")),
    path("", include("news.comments.urls")),
    path("phong-trao/", include("campaigns.urls")),
    path("tham-do-y-kien/", include("portal.polls.urls")),
    path("gioi-thieu/", include("portal.about.urls")),
    path("lich-cong-tac/", include("portal.schedule.urls")),
    path("so-do-cong/", views.SiteMapView.as_view(), name="site-map"),
    path("chinh-sach-bao-ve-du-lieu-ca-nhan/", include("portal.privacy.urls")),
    path("lien-he/", include("portal.contact.urls")),
    path("hoi-dap/", include("portal.questions.urls")),
    path("api/", include("portal.api.urls")),
    path("", include("portal.ratings.urls")),
    # The index lists each section's pages (?p=2...), each page at most SITEMAP_PAGE_SIZE addresses.
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap-section"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", include("portal.reports.urls")),
    path("admin/thong-bao/", include("portal.notifications.urls")),
    path("admin/lich-bien-tap/", include("news.editorial_calendar.urls")),
    *moved_admin_redirects(),
    # Before the admin's own: its "view on site" shortcut, for staff who may see the object (portal.accounts).
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="admin-view-on-site",
    ),
    # The second factor of staff sign-in (portal.accounts.twofactor), in the admin's look.
    path("admin/xac-thuc-hai-buoc/", include("portal.accounts.urls")),
    path("admin/", admin.site.urls),
    # Our upload view first: it checks the picture's content and limits, strips EXIF (news.images).
    path("ckeditor5/image_upload/", editor_image_upload, name="ck_editor_5_upload_file"),
    path("ckeditor5/", include("django_ckeditor_5.urls")),
]

if settings.SERVE_MEDIA:
    # Development and tests only; in production the web server serves MEDIA_ROOT.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]
