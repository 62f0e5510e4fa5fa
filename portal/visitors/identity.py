"""Who a visitor is, where they connect from, and which requests count as a visit or a view.

A visitor is known by a random identifier the portal gives each new browser, in a signed first-party cookie. New
identities are budgeted per client address (`budget`): at most VISITOR_NEW_PER_ADDRESS per VISITOR_NEW_WINDOW.
Beyond it, a browser without a cookie counts as its address's one "overflow" visitor and gets no cookie, so it asks
again on its next page. A client that rotates its User-Agent or drops its cookies thus adds at most the budget
(plus one), while every colleague behind an office's shared address keeps an identity of their own. An identity is
minted only when a counter asks for it (`visitor_of`), so bots, staff, HEAD and static files spend no budget.

Not counted, anywhere: known bots and crawlers (the maintained `crawler-user-agents` list, and requests without a
User-Agent), anything but GET (HEAD included), browser prefetch and prerender, logged-in staff, error responses.
"""

import hashlib
import hmac
import ipaddress
import uuid
from functools import lru_cache

import crawleruseragents
from django.conf import settings

from .budget import take_slot

VISITOR_COOKIE = "khach"
VISITOR_COOKIE_SALT = "portal.visitors"  # the cookies already set were signed with it
VISITOR_COOKIE_AGE = 365 * 24 * 60 * 60
_HEX = frozenset("0123456789abcdef")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(value: str) -> Address | None:
    """An IP address (an IPv4-mapped IPv6 one as IPv4), or None for anything else ("unknown", "1.2.3.4:80")."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted(address: Address) -> bool:
    return any(address in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str | None:
    """The visitor's IP address, or None if what was sent is no address.

    REMOTE_ADDR, unless it is one of TRUSTED_PROXIES: then X-Forwarded-For is read from the right, each entry
    having been appended by the hop after it, past the trusted proxies, to the first address that is not one of
    them. Entries left of it were written by the client and could be forged (to dodge a rate limit, or to count as
    many visitors), so they are never read; nor is the header at all when a client connects directly. An entry that
    is no address ("unknown", "1.2.3.4:80") in the trusted part of the chain means the proxy did not know the
    client: None, never a database error on PostgreSQL's inet column.
    """
    address = _parse(request.META.get("REMOTE_ADDR", ""))
    if address is None or not _is_trusted(address):
        return None if address is None else str(address)
    forwarded = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(forwarded):
        address = _parse(hop)
        if address is None:
            return None
        if not _is_trusted(address):
            break
    return str(address)


def _cookie_identity(request) -> str | None:
    key = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=VISITOR_COOKIE_SALT)
    return key if key and len(key) == 32 and set(key) <= _HEX else None


def overflow_identity(address: str) -> str:
    """The one identity all browsers an address starts beyond its budget share (32 hex digits, keyed hash)."""
    return hmac.new(settings.SECRET_KEY.encode(), f"overflow|{address}".encode(), hashlib.sha256).hexdigest()[:32]


def visitor_of(request) -> str:
    """The visitor's key (32 hex digits): the cookie's, or a new identity within the address's budget.

    A new identity is put on `request.new_visitor`, for `VisitorMiddleware` to set as the cookie; the key is kept on
    the request, so the site visit and the article view of one request are one visitor.
    """
    key = getattr(request, "_visitor_key", None) or _cookie_identity(request)
    if key is None:
        address = client_ip(request) or "unknown"
        if take_slot(
            scope="visitor",
            address=address,
            limit=settings.VISITOR_NEW_PER_ADDRESS,
            window=settings.VISITOR_NEW_WINDOW,
        ):
            key = request.new_visitor = uuid.uuid4().hex
        else:
            key = overflow_identity(address)
    request._visitor_key = key
    return key


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
