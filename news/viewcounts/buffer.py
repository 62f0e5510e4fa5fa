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

from .counters import add_daily_views, add_views
from .models import ViewFlush

logger = logging.getLogger(__name__)

_RECORD = """
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  return redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
end
return false
"""


class ViewBuffer:
    def __init__(self, client: redis.Redis, prefix: str = "portal:views"):
        self.redis = client
        self.prefix = prefix
        self.pending_key = f"{prefix}:pending"
        self._record = client.register_script(_RECORD)

    def record(self, *, article_id: int, visitor: str, day: datetime.date, window: int) -> int | None:
        """Count a view unless the visitor was counted within the window; returns the article's pending views."""
        pending = self._record(
            keys=[f"{self.prefix}:mark:{article_id}:{visitor}", self.pending_key],
            args=[window * 1000, f"t:{article_id}", f"d:{article_id}:{day.isoformat()}"],
        )
        return int(pending) if pending is not None else None

    def pending(self, article_id: int) -> int:
        return int(self.redis.hget(self.pending_key, f"t:{article_id}") or 0)

    def pending_total(self) -> int:
        return sum(int(v) for k, v in self.redis.hgetall(self.pending_key).items() if k.startswith(b"t:"))

    def flush(self) -> int:
        """Write every pending view to the database; returns how many views this call wrote."""
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
    # No retries: while Redis is away, views go to the database at once rather than after seconds of backoff.
    client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1, retry=Retry(NoBackoff(), 0))
    return ViewBuffer(client, prefix)


def get_buffer() -> ViewBuffer | None:
    """The buffer this process uses, or None when views go straight to the database."""
    if not (settings.VIEW_COUNT_BUFFER and settings.VIEW_BUFFER_REDIS_URL):
        return None
    prefix = f"{settings.CACHES['default'].get('KEY_PREFIX') or 'portal'}:views"
    return _buffer_for(settings.VIEW_BUFFER_REDIS_URL, prefix)
