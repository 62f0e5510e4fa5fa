"""Redis that fails fast: short timeouts and a circuit breaker, shared by the cache and the view buffer.

A Redis that stops answering (stalled, not refusing) used to hold every cache call for seconds, and an article
page makes a few dozen of them. Now each call waits at most REDIS_SOCKET_TIMEOUT (REDIS_CONNECT_TIMEOUT to
connect), and the first call that fails *opens* the breaker of that Redis: for REDIS_BREAKER_SECONDS nobody in
this process calls it, the cache answers "miss" at once and pages are built from the database. When the period
is over, one caller (one only, the others still see the breaker open) tries Redis again: if it answers, the
breaker closes and everyone uses Redis again; if not, the breaker stays open another period. So a stalled Redis
costs each process about one timeout per period, not one per call, and the site recovers by itself.

A leaf module (imports no first-party code): news.viewcounts uses the same breakers for its buffer.
"""

import logging
import threading
import time

from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, TimeoutError, OSError)


class BreakerOpen(RedisConnectionError):
    """Redis was not called: it failed lately and its breaker is open."""


def never_reached(error: Exception) -> bool:
    """Whether a failed command surely never got to Redis: the breaker stopped it, or the connection was never made
    (otherwise it was sent and its answer lost: it may have run)."""
    return isinstance(error, BreakerOpen) or "connecting" in str(error)


class CircuitBreaker:
    """Stops calls to one Redis for REDIS_BREAKER_SECONDS after a failure, then lets one caller try again."""

    def __init__(self, name: str):
        self.name = name
        self._lock = threading.Lock()
        self._tripped = False
        self._retry_at = 0.0

    def allow(self) -> bool:
        """Whether the caller may call Redis now (closed, or the one trial call after a period)."""
        if not self._tripped:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            self._retry_at = now + settings.REDIS_BREAKER_SECONDS  # this caller tries; the others wait for it
            return True

    def failed(self, error: BaseException) -> None:
        with self._lock:
            if not self._tripped:
                logger.warning(
                    "Redis %s không trả lời (%s): tạm dùng cơ sở dữ liệu trong %s giây",
                    self.name,
                    error,
                    settings.REDIS_BREAKER_SECONDS,
                )
            self._tripped = True
            self._retry_at = time.monotonic() + settings.REDIS_BREAKER_SECONDS

    def succeeded(self) -> None:
        if self._tripped:
            with self._lock:
                self._tripped = False
            logger.warning("Redis %s trả lời trở lại", self.name)

    @property
    def is_open(self) -> bool:
        return self._tripped and time.monotonic() < self._retry_at

    def reset(self) -> None:
        with self._lock:
            self._tripped, self._retry_at = False, 0.0


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str) -> CircuitBreaker:
    """The breaker of the Redis at ``location`` (one per address in a process: cache and buffer share it)."""
    with _breakers_lock:
        return _breakers.setdefault(location, CircuitBreaker(location))


def reset_breakers() -> None:
    """Close every breaker (tests)."""
    for breaker in list(_breakers.values()):
        breaker.reset()


# Client methods that never talk to Redis (or must always run, such as closing at the end of a request).
_UNGUARDED = frozenset({"close", "disconnect", "make_key", "make_pattern", "encode", "decode", "get_client"})


class _GuardedClient:
    """django-redis's client, with every call going through the breaker."""

    def __init__(self, client, breaker: CircuitBreaker):
        self._client = client
        self._breaker = breaker

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name in _UNGUARDED or not callable(attribute):
            return attribute

        def guarded(*args, **kwargs):
            if not self._breaker.allow():
                raise ConnectionInterrupted(connection=None) from BreakerOpen(self._breaker.name)
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                if isinstance(error.__cause__, OUTAGE_ERRORS):
                    self._breaker.failed(error.__cause__)
                raise
            self._breaker.succeeded()
            return result

        return guarded


class ResilientRedisCache(RedisCache):
    """django-redis's cache with short timeouts, errors answered as misses, and the breaker of its Redis."""

    def __init__(self, server: str, params: dict):
        options = dict(params.get("OPTIONS", {}))
        options.setdefault("SOCKET_TIMEOUT", settings.REDIS_SOCKET_TIMEOUT)
        options.setdefault("SOCKET_CONNECT_TIMEOUT", settings.REDIS_CONNECT_TIMEOUT)
        options["IGNORE_EXCEPTIONS"] = True  # a miss, never an error page
        super().__init__(server, {**params, "OPTIONS": options})
        self._breaker = breaker_for(server)
        self._guarded = None

    @property
    def breaker(self) -> CircuitBreaker:
        """This Redis's breaker, for code that calls Redis itself (portal.visitors.online)."""
        return self._breaker

    @property
    def client(self):
        if self._guarded is None:
            self._guarded = _GuardedClient(super().client, self._breaker)
        return self._guarded
