"""`VisitorMiddleware`: each request's visitor, the visitor cookie, site visits and who is online."""

import logging
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from .identity import VISITOR_COOKIE, VISITOR_COOKIE_AGE, VISITOR_COOKIE_SALT, is_countable, visitor_key
from .visits import record_site_visit

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _uncounted_prefixes() -> tuple[str, ...]:
    return (reverse("admin:index"), settings.STATIC_URL, settings.MEDIA_URL)


def is_page(request, response) -> bool:
    """A successful HTML page of the public site (not the admin, static files or media)."""
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not request.path.startswith(_uncounted_prefixes())
    )


class VisitorMiddleware:
    """Gives each request its visitor key, sets the visitor cookie, and counts site visits and who is online."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.visitor, needs_cookie = visitor_key(request)
        response = self.get_response(request)
        if is_page(request, response):
            if needs_cookie:
                response.set_signed_cookie(
                    VISITOR_COOKIE,
                    request.visitor,
                    salt=VISITOR_COOKIE_SALT,
                    max_age=VISITOR_COOKIE_AGE,
                    httponly=True,
                    samesite="Lax",
                    secure=request.is_secure(),
                )
            if is_countable(request) and not getattr(request, "site_visit_recorded", False):
                try:
                    record_site_visit(visitor=request.visitor, now=timezone.now())
                except DatabaseError:
                    # A counter is not worth an error page; the failure is logged for whoever audits the figures.
                    logger.exception("site visit not recorded")
        return response
