"""Per-address budgets: in the cache (Redis, shared by every worker), in the database while the cache is away."""

import datetime
import socket
import uuid

import pytest
import redis
import time_machine

from portal.visitors.budget import prune_budgets, take_slot
from portal.visitors.models import AddressBudget
from tests.services import missing

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/3"
NOON = datetime.datetime(2024, 4, 27, 5, 0, tzinfo=datetime.UTC)


def redis_cache(url: str, prefix: str) -> dict:
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }


def spend(n: int, *, limit: int = 3, address: str = "203.0.113.5") -> list[bool]:
    return [take_slot(scope="visitor", address=address, limit=limit, window=3600) for _ in range(n)]


def test_a_budget_grants_up_to_its_limit_then_refuses():
    assert spend(5) == [True, True, True, False, False]
    assert spend(1, address="203.0.113.6") == [True]


def test_the_budget_lives_in_redis_where_every_worker_sees_it(settings):
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        missing(f"needs Redis at {REDIS_URL}")
    prefix = f"test-budget-{uuid.uuid4().hex[:8]}"
    settings.CACHES = redis_cache(REDIS_URL, prefix)
    try:
        assert spend(4) == [True, True, True, False]
        [key] = client.keys(f"{prefix}:*")
        assert int(client.get(key)) == 4  # one counter, kept in Redis: a second worker counts on from it
        assert 0 < client.ttl(key) <= 3600 + 60  # it expires with its window
        assert not AddressBudget.objects.exists()
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def test_while_the_cache_does_not_answer_the_database_keeps_the_budget(settings):
    with socket.socket() as probe:  # a port nobody listens on: Redis is down
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0", "down")
    assert spend(5) == [True, True, True, False, False]
    assert AddressBudget.objects.get().used == 5


def test_the_database_counters_of_past_windows_are_pruned(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # never remembers
    with time_machine.travel(NOON, tick=False) as clock:
        spend(2)
        clock.shift(datetime.timedelta(hours=2))
        spend(1)
        assert prune_budgets(longest_window=3600) == 1
    assert list(AddressBudget.objects.values_list("used", flat=True)) == [1]
