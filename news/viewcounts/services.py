"""Counting article views: one per visitor per article per window (VIEW_COUNT_WINDOW, 30 minutes by default).

Where the views are written: straight to the database (a mark, the article's count and its daily figure, in one
transaction), or, with REDIS_URL, to the Redis buffer (see `buffer`), which falls back to the database when
Redis does not answer.
"""

import logging
import time

import redis
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.visitors.hints import recent, remember_once_committed

from .buffer import get_buffer
from .counters import add_daily_views, add_views, claim_view

logger = logging.getLogger(__name__)

BUFFER_RETRY_SECONDS = 30  # after Redis failed, count in the database this long before trying Redis again
_buffer_down_until = 0.0


def _record_in_database(*, article_id: int, visitor: str, now, also=None) -> int | None:
    key = ("view", article_id, visitor)
    if recent.seen(key, now.timestamp()):
        return None
    window = settings.VIEW_COUNT_WINDOW
    with transaction.atomic():
        if also is not None:
            also()
        if not claim_view(article_id=article_id, visitor=visitor, now=now, window=window):
            return None
        count = add_views(article_id, 1)
        if count is not None:
            add_daily_views(article_id, timezone.localdate(now), 1)
    remember_once_committed(key, now.timestamp() + window)
    return count


def record_article_view(*, article_id: int, visitor: str, stored_count: int, now=None, also=None) -> int | None:
    """Count one view unless this visitor's view of the article was counted within the window.

    Returns the count to show including this view (stored plus pending), or None when the view did not count.
    `stored_count` is what the database held when the page was rendered (used with the Redis buffer). `also`, if
    given, runs in the same database transaction when one is needed (the site visit: one commit, not two, so
    SQLite's single writer is taken half as often).
    """
    global _buffer_down_until
    now = now or timezone.now()
    buffer = get_buffer()
    if buffer is not None and time.monotonic() >= _buffer_down_until:
        try:
            pending = buffer.record(
                article_id=article_id,
                visitor=visitor,
                day=timezone.localdate(now),
                window=settings.VIEW_COUNT_WINDOW,
            )
        except redis.RedisError:
            _buffer_down_until = time.monotonic() + BUFFER_RETRY_SECONDS
            logger.warning("view buffer unavailable; counting in the database", exc_info=True)
        else:
            return None if pending is None else stored_count + pending
    return _record_in_database(article_id=article_id, visitor=visitor, now=now, also=also)


def shown_count(article) -> int:
    """The count a reader sees: stored, plus what the Redis buffer holds for the article."""
    buffer = get_buffer()
    if buffer is None or time.monotonic() < _buffer_down_until:
        return article.view_count
    try:
        return article.view_count + buffer.pending(article.pk)
    except redis.RedisError:
        return article.view_count
