"""Visits kept in Redis when the cache is Redis (REDIS_URL): a new reader's page then writes nothing to the database.

Marking is one Lua script, atomic in Redis: set the visitor's mark of the day (SET NX, kept until an hour after
the day ends) and, only if it was not set, add one to the day's figure in the pending hash. `flush_views` (every
minute) moves the hash to `SiteVisitDay` as the views buffer moves views (news/viewcounts/buffer.py): RENAME it to
a batch key of its own, write the batch with its ledger row (`SiteVisitFlush`) in one transaction, then delete the
batch key. A batch left by a failed flush is applied by the next one, or only deleted if its ledger row exists:
never lost, never applied twice.

`record` answers None when Redis cannot be reached (no Redis cache, breaker open, connection not made): the caller
counts the visit in the database. When the script was sent and no answer came it may have run, so the visit is
counted nowhere else (``UNKNOWN``) and the caller keeps no hint: the visitor's next page asks again, and counts
the visit then unless the lost call did.
"""

import datetime
import uuid

import redis
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.resilient_cache import never_reached

from .cache_redis import client_and_key
from .models import SiteVisitFlush

PENDING_KEY = "visitors:visits:pending"
COUNTED, SEEN, UNKNOWN = "counted", "seen", "unknown"

_RECORD = """
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  return 1
end
return 0
"""
_scripts: dict[int, object] = {}


def _script(client):
    script = _scripts.get(id(client))
    if script is None:
        script = _scripts[id(client)] = client.register_script(_RECORD)
    return script


def record(*, visitor: str, day: datetime.date, day_ends: datetime.datetime) -> str | None:
    """COUNTED (the visitor's first visit of the day), SEEN, UNKNOWN (sent, no answer), or None (count it in the
    database)."""
    found = client_and_key(PENDING_KEY)
    if found is None:
        return None
    client, breaker, pending_key = found
    keep_ms = int((day_ends - timezone.now()).total_seconds() * 1000) + 3_600_000
    try:
        new = _script(client)(keys=[f"{pending_key}:mark:{day}:{visitor}", pending_key], args=[keep_ms, str(day)])
    except redis.RedisError as error:
        breaker.failed(error)
        return None if never_reached(error) else UNKNOWN
    breaker.succeeded()
    return COUNTED if new else SEEN


def pending_visits() -> int:
    """Visits waiting in Redis for the next flush (0 when Redis cannot be asked)."""
    found = client_and_key(PENDING_KEY)
    if found is None:
        return 0
    client, breaker, pending_key = found
    try:
        values = client.hvals(pending_key)
    except redis.RedisError as error:
        breaker.failed(error)
        return 0
    breaker.succeeded()
    return sum(int(value) for value in values)


def flush(add_visits) -> int:
    """Move the pending visits to the database with ``add_visits(day, n)``; returns how many this call wrote."""
    found = client_and_key(PENDING_KEY)
    if found is None:
        return 0
    client, _breaker, pending_key = found
    written = sum(_apply(client, key, add_visits) for key in client.scan_iter(f"{pending_key}:flushing:*", count=100))
    batch = f"{pending_key}:flushing:{uuid.uuid4().hex}"
    try:
        client.rename(pending_key, batch)
    except redis.ResponseError:  # nothing pending
        return written
    return written + _apply(client, batch, add_visits)


def _apply(client, batch, add_visits) -> int:
    batch = batch.decode() if isinstance(batch, bytes) else batch
    flush_id = batch.rsplit(":", 1)[1]
    days = {datetime.date.fromisoformat(day.decode()): int(n) for day, n in client.hgetall(batch).items()}
    visits = sum(days.values())
    if days and not SiteVisitFlush.objects.filter(flush_id=flush_id).exists():
        try:
            with transaction.atomic():
                SiteVisitFlush.objects.create(flush_id=flush_id, visits=visits)
                for day, n in days.items():
                    add_visits(day, n)
        except IntegrityError:
            if not SiteVisitFlush.objects.filter(flush_id=flush_id).exists():
                raise
            visits = 0  # a concurrent flush applied this batch first
    else:
        visits = 0
    client.delete(batch)
    return visits
