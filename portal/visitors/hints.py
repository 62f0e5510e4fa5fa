"""Per-process hints of what was counted lately, shared by the site-visit and article-view counters."""

import threading
import time


class RecentKeys:
    """Keys this process has counted lately, with when they lapse.

    Only a hint that spares the database a write it would refuse anyway: a key is remembered after the database
    accepted it, for no longer than the database's own rule, so a missing or forgotten key costs a query, never a
    count. Bounded in size; thread-safe.
    """

    def __init__(self, max_size: int = 100_000):
        self.max_size = max_size
        self._until: dict = {}
        self._lock = threading.Lock()

    def seen(self, key, now: float) -> bool:
        until = self._until.get(key)
        return until is not None and until > now

    def remember(self, key, until: float) -> None:
        with self._lock:
            if len(self._until) >= self.max_size:
                now = time.time()
                self._until = {k: v for k, v in self._until.items() if v > now}
                if len(self._until) >= self.max_size:
                    self._until.clear()
            self._until[key] = until

    def clear(self) -> None:
        with self._lock:
            self._until.clear()


recent = RecentKeys()


def remember_once_committed(key, until: float) -> None:
    """Remember a key whose write just committed.

    The counters write in their own transaction, after the view, and the portal does not use ATOMIC_REQUESTS, so
    leaving that transaction means committing. (Inside a test's transaction it means the same: the test's
    rollback drops the rows, and the test fixtures clear these hints with them.)
    """
    recent.remember(key, until)
