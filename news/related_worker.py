"""Related news recomputed off the reader's request: one background thread per process, a deduplicated queue.

``schedule(article_id)`` returns at once; the thread runs ``news.related.refresh_related`` for each article in turn,
on its own database connection, and stores the list for the next reader. The queue is bounded: past
``MAX_PENDING`` articles, more requests are dropped (they are asked again by a later reader or save).
With ``RELATED_IN_BACKGROUND`` off (tests), ``schedule`` computes at once instead.
"""

import logging
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection

logger = logging.getLogger(__name__)

MAX_PENDING = 1000
_pending: list[int] = []
_queued: set[int] = set()
_lock = threading.Lock()
_wake = threading.Event()
_thread: threading.Thread | None = None


def schedule(article_id: int) -> bool:
    """Queue the article's related news for recomputation; True when it was computed at once (background off)."""
    if not settings.RELATED_IN_BACKGROUND:
        _refresh(article_id)
        return True
    with _lock:
        if article_id in _queued or len(_pending) >= MAX_PENDING:
            return False
        _queued.add(article_id)
        _pending.append(article_id)
        _start()
    _wake.set()
    return False


def _start() -> None:
    global _thread
    if _thread is None or not _thread.is_alive():
        _thread = threading.Thread(target=_work, name="related-news", daemon=True)
        _thread.start()


def _refresh(article_id: int) -> None:
    from .related import refresh_related

    try:
        refresh_related(article_id)
    except DatabaseError:
        logger.exception("related news of article %s not refreshed", article_id)


def _work() -> None:
    while True:
        _wake.wait(timeout=60)
        _wake.clear()
        while True:
            with _lock:
                if not _pending:
                    break
                article_id = _pending.pop(0)
            close_old_connections()
            _refresh(article_id)
            with _lock:
                _queued.discard(article_id)
        connection.close()  # the thread's own connection: back to the pool while idle


def idle(timeout: float = 10.0) -> bool:
    """Wait until the queue is empty and the last list stored (tests, benchmarks); whether it emptied in time."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _lock:
            if not _queued:
                return True
        time.sleep(0.01)
    return False
