"""When the database cannot be reached: a short Vietnamese 503 page with ``Retry-After``, for readers and staff.

How long a request waits before it gets here is bounded by the settings (``DB_POOL_TIMEOUT`` for a connection
from the pool, ``DB_CONNECT_TIMEOUT`` for each attempt to open one). Nothing here touches the database: the page
is rendered without the request's context processors (the menu and the site's parts come from the database).
Recovery needs nothing from here: the next request asks the pool again, and the pool reconnects by itself.

Two ways in: the middleware's ``process_exception`` for errors raised by a view or its template (nearly all of
them), and ``server_error``, the project's ``handler500``, for those raised by another middleware.
"""

import logging
import sys

import psycopg
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

# Django wraps the driver's errors in its own; psycopg's (psycopg_pool.PoolTimeout is a psycopg.OperationalError)
# are listed too for an error raised outside Django's wrapper.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)


def is_database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_UNAVAILABLE)


def unavailable_response(request, exception: BaseException) -> HttpResponse:
    """The 503 page, logged in one line (no traceback: an outage is not a bug, and it would flood the log)."""
    reason = (str(exception).strip().splitlines() or [""])[0]
    logger.error(
        "database unavailable, answered 503: %s %s (%s: %s)",
        request.method,
        request.path,
        type(exception).__name__,
        reason[:200],
    )
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(settings.DB_OUTAGE_RETRY_AFTER)
    add_never_cache_headers(response)  # no cache may keep the outage page once the database is back
    response._has_been_logged = True  # Django's request log would repeat it with the traceback
    return response


class DatabaseOutageMiddleware:
    """Answers 503 when a view (or the template it renders) cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return unavailable_response(request, exception)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """``handler500``: the 503 page for a database error raised outside a view (a middleware), else Django's 500."""
    exception = sys.exc_info()[1]
    if is_database_unavailable(exception):
        return unavailable_response(request, exception)
    return defaults.server_error(request, template_name)
