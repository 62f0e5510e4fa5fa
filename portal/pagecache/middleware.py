"""The page cache (`PageCacheMiddleware`, innermost) and the HTTP caching headers (`HttpCacheMiddleware`, outer).

Their places in settings.MIDDLEWARE, and why, are in README ("Page cache").
"""

import hashlib
from contextlib import ExitStack

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connections
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control

from portal.security import HeadResponse

from . import invalidation, personal, store

READ_METHODS = ("GET", "HEAD")
# Response attributes that middlewares outside the cache read (the counted article, django-csp's per-page rules).
KEPT_ATTRIBUTES = ("counted_article", "_csp_update", "_csp_replace", "_csp_exempt", "_csp_config")
# Vary values a cached page may carry: the cache key stands for every value of these.
ALLOWED_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
_UNSTORED_HEADERS = frozenset({"content-length", "set-cookie", "x-page-cache"})


def is_anonymous_read(request) -> bool:
    """A read by someone with no session (so not staff) and no messages waiting: the same page for everyone."""
    return (
        request.method in READ_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _cache_control(response) -> set[str]:
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}


def _vary(response) -> list[str]:
    return [value.strip() for value in cc_delim_re.split(response.get("Vary", "")) if value.strip()]


def is_storable(request, response) -> bool:
    """A page the view made for anyone: a 200 to a GET, no cookie of its own, nothing the view marked private."""
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not isinstance(response, HeadResponse)
        and not getattr(response, "kept_elsewhere", False)  # stored by its view, compressed (the article sitemaps)
        and not response.cookies
        and not (_cache_control(response) & {"private", "no-store", "no-cache"})
        and {value.lower() for value in _vary(response)} <= ALLOWED_VARY
        and not getattr(getattr(request, "session", None), "modified", False)
        and not getattr(getattr(request, "_messages", None), "added_new", False)
    )


def make_entry(response) -> dict:
    """The page as the view made it; its body and attributes are taken later, as they leave (`keep_page`)."""
    return {
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS],
    }


def keep_page(request, response) -> None:
    """Store the page marked by `PageCacheMiddleware`, with the body the counter wrote its count in."""
    pending = getattr(response, "_pagecache_pending", None)
    if pending is None or response.status_code != 200 or response.streaming:
        return
    entry, generation = pending
    entry["content"] = personal.without_tokens(response.content)
    entry["attributes"] = {name: getattr(response, name) for name in KEPT_ATTRIBUTES if hasattr(response, name)}
    store.save(request, entry, generation)


def from_entry(entry: dict, request) -> HttpResponse:
    if request.method == "HEAD":  # headers only: nothing to fill in, nothing rendered
        response = HeadResponse(status=entry["status"])
    else:
        response = HttpResponse(personal.with_tokens(entry["content"], request), status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    for name, value in entry["attributes"].items():
        setattr(response, name, value)
    return response


class PageCacheMiddleware:
    """Serves anonymous readers' GET and HEAD from the cache, and keeps what a GET rendered for everyone.

    Last in MIDDLEWARE: everything before it (counting, visitor and CSRF cookies, security headers) runs for a page
    from the cache as for a rendered one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in READ_METHODS:
            return self._write(request)
        if store.lifetime() == 0 or not is_anonymous_read(request):
            return self.get_response(request)
        entry, generation = store.lookup(request)
        if entry is not None:
            response = from_entry(entry, request)
            response["X-Page-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if is_storable(request, response):
                # Kept by HttpCacheMiddleware once the view counter outside has written the count in it, so
                # the next reader's page starts from it (and this reader never sees an older number again).
                response._pagecache_pending = (make_entry(response), generation)
                response["X-Page-Cache"] = "miss"
        personal.keep_known_csrf_cookie(request)
        return response

    def _write(self, request):
        """A staff member's POST: bulk writes to content tables (the admin's bulk actions) send no signal, so watch
        the SQL. A reader's POST (a comment, a question) writes through ``save()``, whose signal decides."""
        if not _logged_in(request):
            return self.get_response(request)
        watcher = invalidation.ContentWriteWatcher()
        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(watcher))
            response = self.get_response(request)
        if watcher.changed:
            store.bump_generation()
        return response


def _logged_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _drop_vary_cookie(response) -> None:
    kept = [value for value in _vary(response) if value.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


def page_etag(request, response) -> str:
    """The page's validator: its content (the view count included), its forms' tokens standing for the reader's
    CSRF secret, so that a browser whose cookie changed (a login) is not told to keep a page with the old token."""
    digest = hashlib.sha256(personal.without_tokens(response.content))
    if personal.has_tokens(response.content):
        digest.update(request.META.get("CSRF_COOKIE", "").encode())
    return f'"{digest.hexdigest()[:40]}"'


class HttpCacheMiddleware:
    """Stores the page `PageCacheMiddleware` marked; Cache-Control, ETag and 304 for public pages, private for anyone
    logged in. Outside the session and CSRF middlewares (to take back their `Vary: Cookie` on anonymous pages) and the
    view counter (the page is kept with the count written in it; a 304 is answered after the view was counted)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        keep_page(request, response)
        if request.method not in READ_METHODS or response.status_code != 200 or response.has_header("Cache-Control"):
            return response  # errors, redirects, and views that said how they may be cached (never_cache...)
        if not is_anonymous_read(request) or _logged_in(request):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        _drop_vary_cookie(response)  # the page is the same whatever cookies come with it (tokens: see page_etag)
        streaming_or_head = response.streaming or isinstance(response, HeadResponse)
        personal_parts = (
            bool(response.cookies)
            or hasattr(response, "counted_article")
            or (not streaming_or_head and personal.has_tokens(response.content))
        )
        if personal_parts:
            # The reader's token, cookie or counted view: only their browser keeps it, and asks again each time.
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_MAX_AGE,
                stale_while_revalidate=settings.PAGE_STALE_WHILE_REVALIDATE,
            )
        if streaming_or_head or response.has_header("ETag"):
            return response
        response["ETag"] = page_etag(request, response)
        answer = get_conditional_response(request, etag=response["ETag"], response=response)
        if answer is not response:  # a 304's headers replace the browser's: it needs the page's own policy
            for name in KEPT_ATTRIBUTES:
                if hasattr(response, name):
                    setattr(answer, name, getattr(response, name))
        return answer
