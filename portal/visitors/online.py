"""Who is online ("đang online"): the visitors seen in the last ONLINE_WINDOW, kept in Redis when the cache is Redis.

In Redis, one sorted set (visitor -> when last seen), the same for every process and machine: marking a visitor is
one ZADD that also drops those gone for longer than the window, and counting is one ZCOUNT, so the database takes no
write for it. Without Redis, or while its circuit breaker is open (portal/resilient_cache.py), the caller keeps the
figure in the database (`OnlineVisitor`) instead: `mark` and `count` answer None and it falls back.
"""

import datetime

from redis.exceptions import RedisError

from .cache_redis import client_and_key

ONLINE_WINDOW = datetime.timedelta(minutes=5)
ONLINE_KEY = "visitors:online"


def _call(action):
    found = client_and_key(ONLINE_KEY)
    if found is None:
        return None
    client, breaker, key = found
    try:
        result = action(client, key)
    except (RedisError, OSError) as error:
        breaker.failed(error)
        return None
    breaker.succeeded()
    return result


def mark(*, visitor: str, now: datetime.datetime) -> bool:
    """Note the visitor as seen now, in Redis; False when the database must do it."""

    def add(client, key):
        stamp = now.timestamp()
        pipe = client.pipeline(transaction=False)
        pipe.zadd(key, {visitor: stamp})
        pipe.zremrangebyscore(key, "-inf", stamp - ONLINE_WINDOW.total_seconds())
        pipe.expire(key, int(ONLINE_WINDOW.total_seconds()) * 2)
        pipe.execute()
        return True

    return bool(_call(add))


def count(*, now: datetime.datetime) -> int | None:
    """How many visitors Redis saw in the window, or None when the database must answer."""
    since = (now - ONLINE_WINDOW).timestamp()
    return _call(lambda client, key: client.zcount(key, since, "+inf"))
