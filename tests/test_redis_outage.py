"""Redis stalled or gone: pages keep coming from the database at normal speed, comments are received, and the
cache is used again by itself when Redis returns (portal/resilient_cache.py)."""

import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client, override_settings
from django.urls import reverse

from news.comments.models import Comment
from tests import redis_server
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_article
from tests.redis_server import free_port

BREAKER_SECONDS = 1
own_redis = redis_server.own_redis  # a fixture


def _redis_settings(url: str):
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "portal.resilient_cache.ResilientRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "outage-test",
            }
        },
        REDIS_BREAKER_SECONDS=BREAKER_SECONDS,
        VIEW_COUNT_BUFFER=True,
        VIEW_BUFFER_REDIS_URL=url,
    )


@pytest.fixture
def on_own_redis(own_redis):
    with _redis_settings(own_redis.url):
        yield own_redis


def _load(urls: list[str], *, threads: int, seconds: float) -> list[tuple[int, float]]:
    """Readers in `threads` threads fetching `urls` in turn for `seconds`: (status, duration) of every request."""
    results: list[tuple[int, float]] = []
    stop_at = time.monotonic() + seconds

    def reader(n: int):
        client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR=f"10.9.0.{n + 1}")
        try:
            while time.monotonic() < stop_at:
                for url in urls:
                    started = time.monotonic()
                    status = client.get(url).status_code
                    results.append((status, time.monotonic() - started))
        finally:
            connections.close_all()

    workers = [threading.Thread(target=reader, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results


def _readers() -> int:
    """Two readers at once on PostgreSQL (more, in one process on a small test machine, measure the GIL rather than
    Redis: an uncached page is ~0.2 s of Python); one on SQLite, whose in-memory test database locks whole tables."""
    return 2 if connection.vendor == "postgresql" else 1


def _p99(durations: list[float]) -> float:
    ordered = sorted(durations)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


@pytest.mark.django_db(transaction=True)
class RedisOutageTests:
    def test_a_stalled_redis_costs_no_reader_more_than_a_second_and_the_cache_comes_back(self, on_own_redis):
        urls = [make_article("Hội nghị sơ kết quý III").get_absolute_url(), reverse("home")]
        _load(urls, threads=1, seconds=0.2)  # caches warm, Redis answering
        on_own_redis.stall()
        results = _load(urls, threads=_readers(), seconds=3)
        assert {status for status, _ in results} == {200}
        assert len(results) >= 10
        assert _p99([duration for _, duration in results]) < 1, sorted(d for _, d in results)[-5:]
        on_own_redis.resume()
        time.sleep(BREAKER_SECONDS + 0.2)
        cache.set("sau-su-co", "1", 60)
        assert on_own_redis.client.get(cache.make_key("sau-su-co")) is not None

    def test_a_redis_gone_serves_every_page_fast(self, on_own_redis):
        urls = [make_article("Hội nghị sơ kết quý III").get_absolute_url(), reverse("home")]
        _load(urls, threads=1, seconds=0.2)
        on_own_redis.stop()
        results = _load(urls, threads=_readers(), seconds=1.5)
        assert {status for status, _ in results} == {200}
        assert _p99([duration for _, duration in results]) < 1


@pytest.mark.django_db
def test_comments_are_received_while_redis_is_down_and_still_limited(settings):
    closed = f"redis://127.0.0.1:{free_port()}/0"
    article = make_article("Lấy ý kiến dự thảo văn kiện")
    client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT)
    url = reverse("comments:comment-post", kwargs={"slug": article.slug})
    data = {
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "text": "Góp ý cho dự thảo.",
        "website": "",
        "consent_comment": "on",
    }
    with _redis_settings(closed):
        for n in range(settings.COMMENT_RATE_LIMIT):
            assert client.post(url, {**data, "text": f"Góp ý số {n}"}, REMOTE_ADDR="10.0.0.1").status_code == 302
        assert client.post(url, data, REMOTE_ADDR="10.0.0.1").status_code == 429  # counted in the database
        assert client.post(url, data, REMOTE_ADDR="10.0.0.2").status_code == 302
    assert Comment.objects.count() == settings.COMMENT_RATE_LIMIT + 1
