"""With Redis as the cache, who is online lives in Redis (the same for every machine), not in the database; while
Redis is away it is kept in the database again."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings

from portal.visitors.hints import recent
from portal.visitors.models import OnlineVisitor, SiteVisitDay
from portal.visitors.visits import COUNTERS_CACHE_KEY, record_site_visit, site_counters
from tests import redis_server

pytestmark = pytest.mark.django_db
own_redis = redis_server.own_redis  # a fixture

NOON = datetime.datetime(2026, 5, 4, 5, 0, tzinfo=datetime.UTC)


@pytest.fixture
def redis_cache(own_redis):
    backend = {"BACKEND": "portal.resilient_cache.ResilientRedisCache", "LOCATION": own_redis.url}
    with override_settings(CACHES={"default": backend}, REDIS_BREAKER_SECONDS=60):
        yield own_redis


def online_now() -> int:
    cache.delete(COUNTERS_CACHE_KEY)
    return site_counters()["online"]


def test_visitors_online_are_kept_in_redis_and_leave_after_five_minutes(redis_cache):
    with time_machine.travel(NOON, tick=False) as clock:
        for n in range(3):
            record_site_visit(visitor=f"{n:032x}", now=NOON)
        assert online_now() == 3
        assert not OnlineVisitor.objects.exists()  # no database write for it
        assert not SiteVisitDay.objects.exists()  # the visits wait in Redis for flush_views (test_visit_buffer.py)
        assert redis_cache.client.zcard(cache.make_key("visitors:online")) == 3

        clock.shift(datetime.timedelta(minutes=4))
        recent.clear()  # another machine sees visitor 0 again
        record_site_visit(visitor=f"{0:032x}", now=NOON + datetime.timedelta(minutes=4))
        clock.shift(datetime.timedelta(minutes=2))
        assert online_now() == 1  # the two others were last seen six minutes ago


def test_while_redis_is_away_who_is_online_is_kept_in_the_database(redis_cache):
    redis_cache.stop()
    record_site_visit(visitor="a" * 32, now=NOON)
    assert OnlineVisitor.objects.count() == 1
