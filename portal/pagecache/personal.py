"""What differs from one reader to the next in a page that is otherwise the same for all: the CSRF token.

A page goes into the cache with each token of its forms (`{% csrf_token %}`: the comment form, the poll box)
replaced by a placeholder, and each reader gets their own token put back in when the page is served. The
placeholder is derived from SECRET_KEY and replaced only inside the token's own `<input>`, so text a reader can
write (a comment) can neither guess it nor be where a token lands.

The rest of what is personal never reaches the cache: the article's view count is filled in by the counting
middleware outside it, the visitor and CSRF cookies are set by middlewares outside it, a request carrying messages or
a session is not served from it, and views that depend on who asks (a poll's "already voted") are `never_cache`.
"""

import hashlib
import hmac
import re
from functools import lru_cache

from django.conf import settings
from django.middleware.csrf import get_token

_INPUT = b'name="csrfmiddlewaretoken" value="'
_TOKEN = re.compile(re.escape(_INPUT) + rb'[A-Za-z0-9]{64}"')


@lru_cache(maxsize=4)
def _placeholder_for(secret_key: str) -> bytes:
    return b"pagecache-" + hmac.new(secret_key.encode(), b"pagecache.csrf", hashlib.sha256).hexdigest()[:40].encode()


def placeholder() -> bytes:
    return _placeholder_for(settings.SECRET_KEY)


def has_tokens(content: bytes) -> bool:
    return _INPUT in content


def without_tokens(content: bytes) -> bytes:
    """The page as every reader shares it: each CSRF token replaced by the placeholder."""
    return _TOKEN.sub(_INPUT + placeholder() + b'"', content)


def with_tokens(content: bytes, request) -> bytes:
    """The page for this reader: their own token (a fresh mask of their secret) in each form."""
    marked = _INPUT + placeholder() + b'"'
    if marked not in content:
        return content
    return content.replace(marked, _INPUT + get_token(request).encode() + b'"')


def keep_known_csrf_cookie(request) -> None:
    """A reader who sent a valid CSRF cookie keeps it: no Set-Cookie (Django would renew it on every page)."""
    sent = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if sent and not settings.CSRF_USE_SESSIONS and request.META.get("CSRF_COOKIE") == sent:
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
