"""Who a visitor is, where they connect from, and which requests count as a visit or a view.

A visitor is known by a first-party cookie the portal sets. A request without it is known by its IP address and
User-Agent: the key is then a keyed hash of the two, and the cookie set on that same response carries that very
key, so a browser's first page and its next ones are one visitor, and a client that never keeps cookies stays
one visitor as long as its address and browser do.

Not counted, anywhere: known bots and crawlers (the maintained `crawler-user-agents` list, and requests without a
User-Agent), anything but GET (HEAD included), browser prefetch and prerender, logged-in staff, error responses.
"""

import hashlib
import hmac
import ipaddress
from functools import lru_cache

import crawleruseragents
from django.conf import settings

VISITOR_COOKIE = "khach"
VISITOR_COOKIE_SALT = "portal.visitors"  # the cookies already set were signed with it
VISITOR_COOKIE_AGE = 365 * 24 * 60 * 60
_HEX = frozenset("0123456789abcdef")


def _sent_address(request) -> str:
    """The address as sent: REMOTE_ADDR, or the last entry of the header our own reverse proxy sets.

    Of a list (X-Forwarded-For) only the last entry is trusted: it is the one our proxy appended; earlier ones
    come from the client and could be forged (to dodge a rate limit, or to count as many visitors).
    """
    header = settings.CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[-1].strip() if value else request.META.get("REMOTE_ADDR", "")) or ""


def client_ip(request) -> str | None:
    """The visitor's IP address (CLIENT_IP_HEADER behind a proxy, else REMOTE_ADDR), or None if it is none.

    What a misconfigured or odd proxy sends ("unknown", "1.2.3.4:80") is no address: None, never a database error
    on PostgreSQL's inet column.
    """
    try:
        return str(ipaddress.ip_address(_sent_address(request)))
    except ValueError:
        return None


def visitor_key(request) -> tuple[str, bool]:
    """The visitor's key (32 hex digits), and whether the response must set the cookie that carries it."""
    key = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=VISITOR_COOKIE_SALT)
    if key and len(key) == 32 and set(key) <= _HEX:
        return key, False
    # The address as sent, not `client_ip`: two clients whose proxy sends "ip:port" stay two visitors.
    raw = f"{_sent_address(request)}|{request.META.get('HTTP_USER_AGENT', '')}".encode()
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
