"""Per-address budgets: at most `limit` new identities (or votes in one poll) per client address per window.

Kept in the cache, which is Redis in production and so shared by every worker: `add` opens the window's counter
with its expiry, `incr` (atomic in Redis) takes one. When the cache does not answer (Redis down: django-redis then
returns None, or the counter vanished between the two calls), the same counter is kept in the database
(`AddressBudget`, one upsert), so an outage neither lets a client mint identities without limit nor turns every
new reader away. Windows are fixed (they start on multiples of `window` seconds): a client may spend one budget at
the end of a window and another at the start of the next, so the bound is twice the budget over any `window`.
"""

import logging
import time

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction

from .models import AddressBudget

logger = logging.getLogger(__name__)


def _window_start(window: int) -> int:
    return int(time.time() // window) * window


def _take_in_cache(key: str, window: int) -> int | None:
    try:
        cache.add(key, 0, window + 60)
        return cache.incr(key)
    except Exception:  # any cache failure (backend errors, a vanished key): the database decides
        return None


def _take_in_database(scope: str, address: str, start: int) -> int:
    table = connection.ops.quote_name(AddressBudget._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (scope, address, window_start, used) VALUES (%s, %s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (scope, address, window_start) DO UPDATE SET used = {table}.used + 1 RETURNING used",
            [scope, address, start],
        )
        return cursor.fetchone()[0]


def take_slot(*, scope: str, address: str, limit: int, window: int) -> bool:
    """Spend one unit of `address`'s budget for `scope` in the current window; whether it was still within `limit`.

    If neither the cache nor the database answers, the slot is granted (fail open): the write it guards needs the
    database too, and would fail on its own.
    """
    start = _window_start(window)
    used = _take_in_cache(f"budget:{scope}:{address}:{start}", window)
    if used is None:
        try:
            used = _take_in_database(scope, address, start)
        except DatabaseError:
            logger.warning("address budget unavailable; slot granted", exc_info=True)
            return True
    return used <= limit


def prune_budgets(*, longest_window: int) -> int:
    """Drop the database's counters of windows that are over; returns how many rows went."""
    deleted, _ = AddressBudget.objects.filter(window_start__lt=time.time() - longest_window).delete()
    return deleted


def take_reader_form_slot(*, form: str, address: str | None) -> bool:
    """One submission of a reader's form (``form``: "contact", "question"...) from ``address``; False past the limit.

    At most COMMENT_RATE_LIMIT per address and form per COMMENT_RATE_WINDOW seconds: the comments' numbers.
    """
    from django.conf import settings

    return take_slot(
        scope=f"form:{form}",
        address=address or "unknown",
        limit=settings.COMMENT_RATE_LIMIT,
        window=settings.COMMENT_RATE_WINDOW,
    )
