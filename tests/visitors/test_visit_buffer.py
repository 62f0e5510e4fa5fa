"""With Redis as the cache, a reader's visit waits in Redis and `flush_views` writes it: no database write on a
reader's page, and each visitor's visit of the day is written once, whatever fails in between."""

import datetime
import io
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from portal.visitors import visit_buffer
from portal.visitors.hints import recent
from portal.visitors.models import SiteVisitDay, SiteVisitFlush, SiteVisitMark
from portal.visitors.visits import COUNTERS_CACHE_KEY, add_visits, record_site_visit, site_counters
from tests import redis_server

pytestmark = pytest.mark.django_db
own_redis = redis_server.own_redis  # a fixture


def redis_cache_at(port: int):
    backend = {"BACKEND": "portal.resilient_cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"}
    return override_settings(
        CACHES={"default": backend}, REDIS_BREAKER_SECONDS=60, REDIS_SOCKET_TIMEOUT=0.25, SITE_VISITS_OFFSET=0
    )


@pytest.fixture
def redis_cache(own_redis):
    with redis_cache_at(own_redis.port):
        yield own_redis


def visit(visitor: str) -> bool:
    return record_site_visit(visitor=visitor, now=timezone.now())


def stored_visits() -> int:
    return sum(SiteVisitDay.objects.values_list("visits", flat=True))


def shown_visits() -> int:
    cache.delete(COUNTERS_CACHE_KEY)
    return site_counters()["visits"]


def pending_key() -> str:
    return cache.make_key(visit_buffer.PENDING_KEY)


def flush_views() -> None:
    call_command("flush_views", "--no-prune", stdout=io.StringIO())


def test_visits_wait_in_redis_and_flush_views_writes_each_visitor_once(redis_cache):
    assert [visit(f"{n:032x}") for n in range(3)] == [True, True, True]
    recent.clear()  # another process, which has no hint of visitor 0
    assert visit(f"{0:032x}") is False
    assert stored_visits() == 0 and not SiteVisitMark.objects.exists()  # nothing written on the readers' pages
    assert shown_visits() == 3  # the footer counts what waits in Redis
    flush_views()
    assert stored_visits() == 3 and SiteVisitFlush.objects.get().visits == 3
    flush_views()  # nothing pending: nothing written twice
    assert stored_visits() == 3 and shown_visits() == 3


def test_a_batch_left_by_a_failed_flush_is_written_once(redis_cache):
    visit("a" * 32)
    visit("b" * 32)
    client = redis_cache.client
    client.rename(pending_key(), f"{pending_key()}:flushing:crashedbeforewriting")  # a flush died after RENAME
    visit("c" * 32)
    flush_views()
    assert stored_visits() == 3
    # A flush that died after its transaction but before deleting its batch: the ledger says it is written.
    day = str(timezone.localdate())
    client.hset(f"{pending_key()}:flushing:writtenbutkept", day, 5)
    SiteVisitFlush.objects.create(flush_id="writtenbutkept", visits=5)
    flush_views()
    assert stored_visits() == 3 and not client.exists(f"{pending_key()}:flushing:writtenbutkept")


def test_while_redis_is_away_visits_are_written_to_the_database(redis_cache):
    redis_cache.stop()
    assert visit("a" * 32) is True
    assert stored_visits() == 1 and SiteVisitMark.objects.count() == 1


def test_a_visit_whose_reply_is_lost_is_counted_once(own_redis):
    """Redis runs the script but its answer never arrives: nothing is written to the database (that would count it
    twice), no hint is kept, and the visitor's next page finds the mark the lost call set."""
    proxy = redis_server.ReplyLosingProxy(own_redis.port)
    try:
        with redis_cache_at(proxy.port):
            assert visit("b" * 32) is True  # connected, and the script loaded (a lost NOSCRIPT would mean no run)
            recent.remember(("online", "a" * 32), time.time() + 60)  # seen online lately: only the visit is asked
            proxy.lose_replies = True
            assert visit("a" * 32) is False
            assert not recent.seen(("visit", timezone.localdate(), "a" * 32), time.time())
            assert stored_visits() == 0
            proxy.lose_replies = False
            redis_server.reset_breakers()  # the breaker opened on the timeout; its period has passed
            assert visit("a" * 32) is False  # the next page: the mark is there, no second visit
    finally:
        proxy.close()
    with redis_cache_at(own_redis.port):
        flush_views()
    assert stored_visits() == 2  # b, and a once


def test_add_visits_adds_up(db):
    day = datetime.date(2026, 5, 4)
    add_visits(day, 2)
    add_visits(day, 3)
    assert SiteVisitDay.objects.get(day=day).visits == 5
