"""Who a visitor is, and which requests count as a visit or a view.

A visitor is known by a first-party cookie the portal sets. A request without it is known by its IP address and
User-Agent: the key is then a keyed hash of the two, and the cookie set on that same response carries that very
key, so a browser's first page and its next ones are one visitor, and a client that never keeps cookies stays
one visitor as long as its address and browser do.

Not counted, anywhere: known bots and crawlers (the maintained `crawler-user-agents` list, and requests without a
User-Agent), anything but GET (HEAD included), browser prefetch and prerender, logged-in staff, error responses.
"""

import hashlib
import hmac
import logging
import threading
import time
from functools import lru_cache

import crawleruseragents
from django.conf import settings
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

VISITOR_COOKIE = "khach"
VISITOR_COOKIE_SALT = "portal.visitors"
VISITOR_COOKIE_AGE = 365 * 24 * 60 * 60
_HEX = frozenset("0123456789abcdef")


def client_ip(request) -> str:
    """REMOTE_ADDR, or the last entry of the header our own reverse proxy sets (CLIENT_IP_HEADER)."""
    header = settings.CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[-1].strip() if value else request.META.get("REMOTE_ADDR", "")) or ""


def visitor_key(request) -> tuple[str, bool]:
    """The visitor's key (32 hex digits), and whether the response must set the cookie that carries it."""
    key = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=VISITOR_COOKIE_SALT)
    if key and len(key) == 32 and set(key) <= _HEX:
        return key, False
    raw = f"{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), raw, hashlib.sha256).hexdigest()[:32], True


@lru_cache(maxsize=4096)
def is_bot(user_agent: str) -> bool:
    """A crawler by the maintained list, or a client that does not say what it is. Cached: agents repeat."""
    return not user_agent.strip() or crawleruseragents.is_crawler(user_agent)


def is_prefetch(request) -> bool:
    """Speculative loads the reader may never see: `Sec-Purpose: prefetch` (also prerender), `Purpose`, `X-Moz`."""
    headers = request.headers
    purpose = " ".join(headers.get(name, "") for name in ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")).lower()
    return "prefetch" in purpose or "prerender" in purpose or "preview" in purpose


def is_countable(request) -> bool:
    """Whether this request may count as a reader's visit or view (the response is checked by the caller)."""
    if not settings.VIEW_COUNTING or request.method != "GET" or is_prefetch(request):
        return False
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated and user.is_staff)


class RecentKeys:
    """Keys this process has counted lately, with when they lapse.

    Only a hint that spares the database a write it would refuse anyway: a key is remembered after the database
    accepted it, for no longer than the database's own rule, so a missing or forgotten key costs a query, never a
    count. Bounded in size; thread-safe.
    """

    def __init__(self, max_size: int = 100_000):
        self.max_size = max_size
        self._until: dict = {}
        self._lock = threading.Lock()

    def seen(self, key, now: float) -> bool:
        until = self._until.get(key)
        return until is not None and until > now

    def remember(self, key, until: float) -> None:
        with self._lock:
            if len(self._until) >= self.max_size:
                now = time.time()
                self._until = {k: v for k, v in self._until.items() if v > now}
                if len(self._until) >= self.max_size:
                    self._until.clear()
            self._until[key] = until

    def clear(self) -> None:
        with self._lock:
            self._until.clear()


recent = RecentKeys()


def remember_once_committed(key, until: float) -> None:
    """Remember a key whose write just committed.

    The counters write in their own transaction, after the view, and the portal does not use ATOMIC_REQUESTS, so
    leaving that transaction means committing. (Inside a test's transaction it means the same: the test's
    rollback drops the rows, and the test fixtures clear these hints with them.)
    """
    recent.remember(key, until)


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
                from .visits import record_site_visit

                try:
                    record_site_visit(visitor=request.visitor, now=timezone.now())
                except DatabaseError:
                    # A counter is not worth an error page; the failure is logged for whoever audits the figures.
                    logger.exception("site visit not recorded")
        return response
