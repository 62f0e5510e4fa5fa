"""Views buffered in Redis and written to the database in batches (when REDIS_URL is set).

Recording a view is one Lua script, atomic in Redis: set the visitor's mark for the window (SET NX PX) and, only
if it was not set, add one to the article's pending total and to its pending figure of the day, all in one hash.

Flushing (`manage.py flush_views`, every minute) never loses nor doubles a view:
1. the pending hash is RENAMEd to a key of its own (`flushing:<id>`): new views go to a fresh hash meanwhile, and
   two flushes can never take the same views (RENAME is atomic; the loser finds nothing);
2. the batch is written in ONE database transaction together with a ledger row (`ViewFlush`, unique `<id>`);
3. only then is the batch key deleted.
A flush that fails before 2 commits leaves its batch key in Redis, and the next flush applies it; one that fails
between 2 and 3 leaves a batch the ledger already holds, and the next flush only deletes it. Redis must persist
its data (`appendonly yes`, see README) so that a restart keeps what is pending.

The count a reader sees is the stored count plus what is pending.

Exactly one view when Redis answers late. Each call carries a token of its own (a random id), and the script first
sets `done:<token>` (SET NX, kept VIEW_TOKEN_TTL): the same token never counts twice. Who calls Redis
(`services.record_article_view`) then does one of three things:
- Redis answered: done.
- Redis could not even be reached (connection refused or not made, or its breaker open, see
  portal/resilient_cache.py): nothing was sent, so the script did not run; the view is counted in the database.
- The command was sent but no reply came (timeout, connection lost): the script may have run, or may run later when
  a stalled Redis resumes. The view is NOT counted in the database (that was the double count); it is written as
  a `DeferredView` with its token, and the next flush replays it through the same script with the same token:
  counted once if the script never ran, not again if it did.
Limit: a deferred view replayed after VIEW_TOKEN_TTL (two days without a flush that reaches Redis) is counted if
the visitor's mark has expired, even if its first run counted it.
"""

import datetime
import logging
import uuid
from collections import defaultdict
from functools import lru_cache

import redis
from django.conf import settings
from django.db import IntegrityError, transaction
from redis.backoff import NoBackoff
from redis.retry import Retry

from portal.resilient_cache import CircuitBreaker, breaker_for

from .counters import add_daily_views, add_views
from .models import DeferredView, ViewFlush

logger = logging.getLogger(__name__)

_RECORD = """
if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[4]) then
  return false
end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  return redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
end
return false
"""


VIEW_TOKEN_TTL = 2 * 24 * 3600  # seconds a view's token is kept in Redis to refuse its replay


def new_token() -> str:
    return uuid.uuid4().hex


class ViewBuffer:
    def __init__(self, client: redis.Redis, prefix: str = "portal:views", breaker: CircuitBreaker | None = None):
        self.redis = client
        self.prefix = prefix
        self.pending_key = f"{prefix}:pending"
        self.breaker = breaker or CircuitBreaker(prefix)
        self._record = client.register_script(_RECORD)

    def record(
        self, *, article_id: int, visitor: str, day: datetime.date, window: int, token: str | None = None
    ) -> int | None:
        """Count a view unless the visitor was counted within the window, or this token was already recorded.

        Returns the article's pending views, or None when the view did not count.
        """
        pending = self._record(
            keys=[
                f"{self.prefix}:mark:{article_id}:{visitor}",
                self.pending_key,
                f"{self.prefix}:done:{token or new_token()}",
            ],
            args=[window * 1000, f"t:{article_id}", f"d:{article_id}:{day.isoformat()}", VIEW_TOKEN_TTL * 1000],
        )
        return int(pending) if pending is not None else None

    def defer(self, *, token: str, article_id: int, visitor: str, day: datetime.date) -> None:
        """Keep a view whose script may have run, for the next flush to replay (see the module's docstring)."""
        DeferredView.objects.get_or_create(
            token=token, defaults={"article_id": article_id, "visitor": visitor, "day": day}
        )

    def replay_deferred(self) -> int:
        """Run the deferred views' scripts again, with their tokens; returns how many were replayed."""
        window = settings.VIEW_COUNT_WINDOW
        replayed = 0
        for view in DeferredView.objects.order_by("id")[:1000]:
            self.record(article_id=view.article_id, visitor=view.visitor, day=view.day, window=window, token=view.token)
            view.delete()
            replayed += 1
        return replayed

    def pending(self, article_id: int) -> int:
        return int(self.redis.hget(self.pending_key, f"t:{article_id}") or 0)

    def pending_total(self) -> int:
        return sum(int(v) for k, v in self.redis.hgetall(self.pending_key).items() if k.startswith(b"t:"))

    def flush(self) -> int:
        """Write every pending view to the database; returns how many views this call wrote."""
        self.replay_deferred()
        written = sum(self._apply(key) for key in self.redis.scan_iter(f"{self.prefix}:flushing:*", count=100))
        batch = f"{self.prefix}:flushing:{uuid.uuid4().hex}"
        try:
            self.redis.rename(self.pending_key, batch)
        except redis.ResponseError:  # nothing pending
            return written
        return written + self._apply(batch)

    def _apply(self, batch) -> int:
        batch = batch.decode() if isinstance(batch, bytes) else batch
        flush_id = batch.rsplit(":", 1)[1]
        totals: dict[int, int] = {}
        daily: dict[tuple[int, datetime.date], int] = defaultdict(int)
        for field, value in self.redis.hgetall(batch).items():
            kind, _, rest = field.decode().partition(":")
            if kind == "t":
                totals[int(rest)] = int(value)
            else:
                article_id, day = rest.split(":")
                daily[int(article_id), datetime.date.fromisoformat(day)] += int(value)
        views = sum(totals.values())
        if totals and not ViewFlush.objects.filter(flush_id=flush_id).exists():
            try:
                with transaction.atomic():
                    ViewFlush.objects.create(flush_id=flush_id, views=views)
                    existing = {pk for pk in totals if add_views(pk, totals[pk]) is not None}
                    for (article_id, day), n in daily.items():
                        if article_id in existing:  # a deleted article's views go with it
                            add_daily_views(article_id, day, n)
            except IntegrityError:
                if not ViewFlush.objects.filter(flush_id=flush_id).exists():
                    raise
                views = 0  # a concurrent flush applied this batch first
        else:
            views = 0
        self.redis.delete(batch)
        return views


@lru_cache(maxsize=4)
def _buffer_for(url: str, prefix: str) -> ViewBuffer:
    # Short timeouts and no retries: while Redis is away, views go to the database at once (see the breaker).
    client = redis.Redis.from_url(
        url,
        socket_timeout=settings.REDIS_SOCKET_TIMEOUT,
        socket_connect_timeout=settings.REDIS_CONNECT_TIMEOUT,
        retry=Retry(NoBackoff(), 0),
    )
    return ViewBuffer(client, prefix, breaker_for(url))


def get_buffer() -> ViewBuffer | None:
    """The buffer this process uses, or None when views go straight to the database."""
    if not (settings.VIEW_COUNT_BUFFER and settings.VIEW_BUFFER_REDIS_URL):
        return None
    prefix = f"{settings.CACHES['default'].get('KEY_PREFIX') or 'portal'}:views"
    return _buffer_for(settings.VIEW_BUFFER_REDIS_URL, prefix)
