"""`VisitorMiddleware`: each request's visitor, the visitor cookie, site visits and who is online."""

import logging
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from .identity import VISITOR_COOKIE, VISITOR_COOKIE_AGE, VISITOR_COOKIE_SALT, is_countable, visitor_of
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
    """Counts site visits and who is online, and sets the visitor cookie of an identity minted for this request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_page(request, response) and is_countable(request) and not getattr(request, "site_visit_recorded", False):
            try:
                record_site_visit(visitor=visitor_of(request), now=timezone.now())
            except DatabaseError:
                # A counter is not worth an error page; the failure is logged for whoever audits the figures.
                logger.exception("site visit not recorded")
        new_visitor = getattr(request, "new_visitor", None)
        if new_visitor is not None:  # minted for this request's view or visit: the browser keeps it from now on
            response.set_signed_cookie(
                VISITOR_COOKIE,
                new_visitor,
                salt=VISITOR_COOKIE_SALT,
                max_age=VISITOR_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
