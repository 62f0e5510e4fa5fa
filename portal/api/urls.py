"""/api/: django-ninja's views, read-only (GET, and HEAD as GET), each with an ETag (304 on If-None-Match).

The ETag is a hash of the body (Django's ConditionalGetMiddleware): the answer is built as usual, and a client
that has it already is sent 304 without the body. HEAD is GET without the body (the server drops it).
"""

from functools import wraps

from django.http import HttpResponse, HttpResponseNotAllowed
from django.middleware.http import ConditionalGetMiddleware
from django.urls import URLPattern
from django.utils.decorators import decorator_from_middleware

from .api import api

with_etag = decorator_from_middleware(ConditionalGetMiddleware)


def _read_only(view):
    """GET and HEAD only, the OpenAPI document included (django-ninja's own view would answer any method)."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        head = request.method == "HEAD"
        request.method = "GET"  # django-ninja routes by method; HEAD is GET without the body
        response = view(request, *args, **kwargs)
        if head:
            request.method = "HEAD"
            response.content = b""  # after the ETag was made from it
        return response

    return serve


def _made_once(view):
    """The OpenAPI document depends on the code alone: made on the first request of each process (~0.2 s), then
    served as it is."""
    made = {}

    @wraps(view)
    def serve(request, *args, **kwargs):
        if "response" not in made:
            made["response"] = view(request, *args, **kwargs)
        response = made["response"]
        return HttpResponse(response.content, content_type=response["Content-Type"], status=response.status_code)

    return serve


def _serve(pattern):
    view = _made_once(pattern.callback) if pattern.name == "openapi-json" else pattern.callback
    return _read_only(with_etag(view))


app_name = "api"
urlpatterns = [URLPattern(p.pattern, _serve(p), p.default_args, p.name) for p in api.urls[0]]
