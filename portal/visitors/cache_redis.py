"""The cache's Redis, when the cache is Redis and its circuit breaker allows a call (portal/resilient_cache.py):
who is online and the visits waiting for `flush_views` live there, shared by every process and machine."""

from django.core.cache import caches

from portal.resilient_cache import ResilientRedisCache


def client_and_key(name: str):
    """(client, breaker, the cache's key for ``name``), or None: no Redis cache, or its breaker says not now."""
    cache = caches["default"]
    if not isinstance(cache, ResilientRedisCache):
        return None
    breaker = cache.breaker
    if not breaker.allow():
        return None
    return cache.client.get_client(write=True), breaker, cache.make_key(name)
