"""The circuit breaker of a Redis (portal/resilient_cache.py): one timeout per period, not one per call."""

import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from portal.resilient_cache import CircuitBreaker
from tests import redis_server

own_redis = redis_server.own_redis  # a fixture


class CircuitBreakerTests:
    @override_settings(REDIS_BREAKER_SECONDS=0.2)
    def test_open_after_a_failure_then_one_trial_then_closed_again(self):
        breaker = CircuitBreaker("test")
        assert breaker.allow()
        breaker.failed(TimeoutError("stalled"))
        assert not breaker.allow()
        time.sleep(0.25)
        assert breaker.allow()  # the one trial
        assert not breaker.allow()  # the others wait for its answer
        breaker.succeeded()
        assert breaker.allow() and breaker.allow()


@pytest.mark.django_db
def test_a_stalled_redis_costs_one_timeout_for_many_cache_calls(own_redis):
    backend = {"BACKEND": "portal.resilient_cache.ResilientRedisCache", "LOCATION": own_redis.url}
    with override_settings(CACHES={"default": backend}, REDIS_BREAKER_SECONDS=30):
        cache.set("menu", "cached", 60)
        own_redis.stall()
        started = time.monotonic()
        answers = [cache.get("menu", "from the database") for _ in range(28)]  # an article page's calls
        elapsed = time.monotonic() - started
        assert answers == ["from the database"] * 28
        assert elapsed < 0.5, elapsed  # one timeout (0.25 s), not 28
