"""Where cached pages live, and when they stop being good (the design is in README, "Page cache").

One cache entry per address (scheme, host, path and query) holds the page as it left the view, with every CSRF
token replaced by a placeholder (personal.py). Each entry records the *generation* it was made in: any change to
the content (invalidation.py) writes a new generation number, and an entry of another generation is never served.
An entry also ends at the next moment the content changes by the clock alone (a scheduled article's time, a poll
opening or closing, midnight): sources of such moments register with `register_timed_source`.

A hit reads the generation and the entry in one round trip (`get_many`). With Redis (REDIS_URL) every process
shares both; with the in-process cache each process has its own pages *and* its own generation, so a change made
in one process is fresh at once there and in the others only when their entries expire (PAGE_CACHE_SECONDS).
"""

import hashlib
import time
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:next-change:{}"
PAGE_KEY = "pagecache:page:{}"
# A moment so far away that it never caps anything (no scheduled content).
NEVER = float("inf")

_timed_sources: list[Callable[[], datetime | None]] = []


def register_timed_source(source: Callable[[], datetime | None]) -> None:
    """`source()` tells the next time (aware datetime) at which public pages change without a save, or None."""
    if source not in _timed_sources:
        _timed_sources.append(source)


def lifetime() -> int:
    return max(0, int(getattr(settings, "PAGE_CACHE_SECONDS", 0)))


def page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return PAGE_KEY.format(hashlib.sha256(address.encode()).hexdigest())


def bump_generation() -> None:
    """Every cached page is stale from now on (in every process sharing the cache)."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _current_generation(value) -> int:
    if value is None:  # a cache emptied or restarted: start a generation
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def lookup(request) -> tuple[dict | None, int]:
    """The entry for this request's address if it is still good, and the current generation (one round trip)."""
    key = page_key(request)
    found = cache.get_many([GENERATION_KEY, key])
    generation = _current_generation(found.get(GENERATION_KEY))
    entry = found.get(key)
    if entry is None or entry.get("generation") != generation or entry.get("until", 0) <= time.time():
        return None, generation
    return entry, generation


def next_change(generation: int) -> float:
    """When the content next changes by the clock alone (a timestamp), computed once per generation."""
    key = NEXT_CHANGE_KEY.format(generation)
    now = time.time()
    due = cache.get(key)
    if due is None or due <= now:
        moments = [source() for source in _timed_sources]
        due = min((moment.timestamp() for moment in moments if moment is not None), default=NEVER)
        if due > now:
            cache.set(key, due, max(1, min(int(due - now), 24 * 3600)))
    return due


def save(request, entry: dict, generation: int) -> None:
    """Keep `entry` until the lifetime ends or the content next changes by the clock, whichever comes first."""
    now = time.time()
    until = min(now + lifetime(), next_change(generation))
    if until - now < 1:
        return  # the content changes within a second: not worth keeping
    entry["generation"] = generation
    entry["until"] = until
    cache.set(page_key(request), entry, int(until - now) + 1)
