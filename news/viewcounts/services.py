"""Counting article views: one per visitor per article per window (VIEW_COUNT_WINDOW, 30 minutes by default).

Where the views are written: straight to the database (a mark, the article's count and its daily figure, in one
transaction), or, with REDIS_URL, to the Redis buffer (see `buffer`), which falls back to the database when
Redis cannot be reached, and defers the view (replayed exactly once by the next flush) when Redis was sent the
view but its reply never came. Redis calls go through its circuit breaker (portal/resilient_cache.py).
"""

import logging

import redis
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.resilient_cache import BreakerOpen, never_reached
from portal.visitors.hints import recent, remember_once_committed

from .buffer import get_buffer, new_token
from .counters import add_daily_views, add_views, claim_view, mark_time

logger = logging.getLogger(__name__)


def _record_in_database(*, article_id: int, visitor: str, now, also=None) -> int | None:
    key = ("view", article_id, visitor)
    if recent.seen(key, now.timestamp()):
        return None
    window = settings.VIEW_COUNT_WINDOW
    with transaction.atomic():
        if also is not None:
            also()
        claimed = claim_view(article_id=article_id, visitor=visitor, now=now, window=window)
        if claimed:
            count = add_views(article_id, 1)
            if count is not None:
                add_daily_views(article_id, timezone.localdate(now), 1)
        else:
            # Refused: another process holds the mark, and this one had no hint of it. Learn when it lapses, or
            # the visitor's every view here would claim again in vain (13 statements instead of 10).
            held = mark_time(article_id=article_id, visitor=visitor)
    if not claimed:
        if held is not None:
            remember_once_committed(key, held.timestamp() + window)
        return None
    remember_once_committed(key, now.timestamp() + window)
    return count


def record_article_view(*, article_id: int, visitor: str, stored_count: int, now=None, also=None) -> int | None:
    """Count one view unless this visitor's view of the article was counted within the window.

    Returns the count to show including this view (stored plus pending), or None when the view did not count.
    `stored_count` is what the database held when the page was rendered (used with the Redis buffer). `also`, if
    given, runs in the same database transaction when one is needed (the site visit: one commit, not two, so
    SQLite's single writer is taken half as often).
    """
    now = now or timezone.now()
    buffer = get_buffer()
    if buffer is not None:
        try:
            return _record_in_buffer(buffer, article_id=article_id, visitor=visitor, stored_count=stored_count, now=now)
        except redis.RedisError as error:
            if not never_reached(error):
                # Sent, no reply: the script may have run. Counting it here too was the double count.
                buffer.defer(
                    token=error.view_token, article_id=article_id, visitor=visitor, day=timezone.localdate(now)
                )
                return None
    return _record_in_database(article_id=article_id, visitor=visitor, now=now, also=also)


def _record_in_buffer(buffer, *, article_id: int, visitor: str, stored_count: int, now) -> int | None:
    """Count the view in Redis through the breaker; a RedisError raised carries the view's token (`view_token`)."""
    token = new_token()
    try:
        if not buffer.breaker.allow():
            raise BreakerOpen(buffer.breaker.name)
        pending = buffer.record(
            article_id=article_id,
            visitor=visitor,
            day=timezone.localdate(now),
            window=settings.VIEW_COUNT_WINDOW,
            token=token,
        )
    except redis.RedisError as error:
        if not isinstance(error, BreakerOpen):
            buffer.breaker.failed(error)  # logs once, when it opens
        error.view_token = token
        raise
    buffer.breaker.succeeded()
    return None if pending is None else stored_count + pending


def shown_count(article) -> int:
    """The count a reader sees: stored, plus what the Redis buffer holds for the article."""
    buffer = get_buffer()
    if buffer is None or not buffer.breaker.allow():
        return article.view_count
    try:
        pending = buffer.pending(article.pk)
    except redis.RedisError as error:
        buffer.breaker.failed(error)
        return article.view_count
    buffer.breaker.succeeded()
    return article.view_count + pending
