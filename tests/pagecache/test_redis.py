"""The page cache in Redis (REDIS_URL): served from there, counts right across a flush, pages still served without
it."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests import redis_server
from tests.factories import make_article

from .conftest import cache_state, reader

pytestmark = pytest.mark.django_db
own_redis = redis_server.own_redis  # a fixture


@pytest.fixture
def on_redis(own_redis):
    from django.core.cache import caches

    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "portal.resilient_cache.ResilientRedisCache",
                "LOCATION": own_redis.url,
                "KEY_PREFIX": "pagecache-test",
            }
        },
        VIEW_COUNT_BUFFER=True,
        VIEW_BUFFER_REDIS_URL=own_redis.url,
    ):
        yield own_redis
    caches["default"].close()


def shown(response) -> str:
    html = response.content.decode()
    start = html.index("data-view-count>") + len("data-view-count>")
    return html[start : html.index("<", start)]


def test_pages_come_from_redis_and_a_flush_keeps_the_count_going_up(on_redis):
    article = make_article("Tin đọc nhiều qua bộ đệm Redis", view_count=100)
    first = reader().get(article.get_absolute_url())
    assert cache_state(first) == "miss" and shown(first) == "101"
    assert any(key.startswith(b"pagecache-test:") and b"pagecache:page:" in key for key in on_redis.client.scan_iter())
    second = reader().get(article.get_absolute_url())
    assert cache_state(second) == "hit" and shown(second) == "102"
    call_command("flush_views", verbosity=0)  # 100 + 2 stored, nothing pending: the cached copy's 100 is old
    third = reader().get(article.get_absolute_url())
    assert shown(third) == "103"
    article.refresh_from_db()
    assert article.view_count == 102  # the third view waits in Redis for the next flush


def test_without_redis_pages_are_rendered_and_served(on_redis):
    article = make_article("Tin vẫn đọc được khi Redis ngừng", view_count=1)
    browser = reader()
    browser.get(article.get_absolute_url())
    on_redis.stop()
    for _ in range(2):
        response = browser.get(article.get_absolute_url())
        assert response.status_code == 200 and cache_state(response) == "miss"  # rendered each time
        assert article.title in response.content.decode()
