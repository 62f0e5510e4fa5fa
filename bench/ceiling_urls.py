"""The portal's URLs and a bare view (see ``bench/ceiling_wsgi.py``)."""

from django.http import HttpResponse
from django.urls import include, path

from portal.urls import handler500  # noqa: F401  (the portal's 500 handler stays)


def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench-ceiling/", ceiling), path("", include("portal.urls"))]
