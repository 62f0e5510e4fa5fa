"""The portal's URLs plus a few views that exercise what the page cache refuses (tests only)."""

import itertools

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.vary import vary_on_headers

_served = itertools.count()


def page(request):
    return HttpResponse(f"<p>Trang số {next(_served)}</p>")


def sets_cookie(request):
    response = page(request)
    response.set_cookie("rieng", "cua-nguoi-nay")
    return response


urlpatterns = [
    path("thu/trang/", page),
    path("thu/dat-cookie/", sets_cookie),
    path("thu/rieng/", cache_control(private=True)(page)),
    path("thu/khong-luu/", never_cache(page)),
    path("thu/theo-trinh-duyet/", vary_on_headers("User-Agent")(page)),
    path("", include("portal.urls")),
]
