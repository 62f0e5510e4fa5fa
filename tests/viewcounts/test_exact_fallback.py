"""One reader, one view, however late Redis answers: a view whose reply was lost is deferred and replayed with its
token by the next flush, never counted in the database as well (news/viewcounts/buffer.py)."""

import time
from unittest import mock

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from news.viewcounts.buffer import ViewBuffer
from news.viewcounts.models import DeferredView
from news.viewcounts.services import record_article_view
from tests import redis_server
from tests.factories import make_article
from tests.viewcounts import test_view_buffer
from tests.viewcounts.test_view_buffer import stored

pytestmark = pytest.mark.django_db
own_redis = redis_server.own_redis  # fixtures
buffer = test_view_buffer.buffer


def _view(article, visitor="a" * 32):
    return record_article_view(article_id=article.pk, visitor=visitor, stored_count=article.view_count)


def _reply_lost(buffer, monkeypatch, *, script_runs: bool):
    real = buffer._record

    def late(*args, **kwargs):
        if script_runs:
            real(*args, **kwargs)
        raise redis.TimeoutError("Timeout reading from 127.0.0.1:6379")

    monkeypatch.setattr(buffer, "_record", late)
    return lambda: monkeypatch.setattr(buffer, "_record", real)


class ExactFallbackTests:
    @pytest.mark.parametrize("script_runs", [True, False], ids=["script-ran-reply-lost", "script-never-ran"])
    def test_a_view_whose_reply_is_lost_counts_exactly_once(self, buffer, monkeypatch, script_runs):
        article = make_article()
        restore = _reply_lost(buffer, monkeypatch, script_runs=script_runs)
        _view(article)
        restore()
        buffer.flush()
        assert stored(article) == 1
        assert DeferredView.objects.count() == 0
        buffer.flush()
        assert stored(article) == 1

    def test_a_replay_interrupted_before_its_row_is_deleted_is_not_counted_again(self, buffer, monkeypatch):
        article = make_article()
        restore = _reply_lost(buffer, monkeypatch, script_runs=True)
        assert _view(article) is None  # deferred: no figure to show yet
        restore()
        assert stored(article) == 0  # not counted in the database as well
        view = DeferredView.objects.get()
        buffer.record(article_id=article.pk, visitor=view.visitor, day=view.day, window=1800, token=view.token)
        buffer.flush()  # replays the same token again: refused by Redis
        assert stored(article) == 1

    def test_a_redis_refusing_connections_counts_in_the_database_at_once(self, buffer, monkeypatch):
        article = make_article()
        monkeypatch.setattr(buffer, "_record", _refused)
        assert _view(article) == 1
        assert stored(article) == 1
        assert DeferredView.objects.count() == 0


def _refused(*args, **kwargs):
    raise redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


def test_a_redis_stalled_then_resumed_counts_the_view_once(own_redis, settings):
    settings.REDIS_BREAKER_SECONDS = 0.5
    article = make_article()
    client = redis.Redis(
        port=own_redis.port, socket_timeout=0.25, socket_connect_timeout=0.25, retry=Retry(NoBackoff(), 0)
    )  # as news.viewcounts.buffer makes it
    stalled = ViewBuffer(client, "portal:views")
    stalled.pending(article.pk)  # connected before the stall
    with mock.patch("news.viewcounts.services.get_buffer", return_value=stalled):
        own_redis.stall()
        started = time.monotonic()
        _view(article)
        assert time.monotonic() - started < 1
        own_redis.resume()
        time.sleep(0.6)
        again = ViewBuffer(redis.Redis(port=own_redis.port), "portal:views")
        again.flush()
    assert stored(article) == 1
    assert DeferredView.objects.count() == 0


def test_a_real_redis_whose_reply_is_lost_counts_the_view_once(own_redis):
    """Redis runs the script, its reply never reaches the portal: before, the view was counted in the database too."""
    article = make_article()
    proxy = redis_server.ReplyLosingProxy(own_redis.port)
    client = redis.Redis(port=proxy.port, socket_timeout=0.25, socket_connect_timeout=0.25, retry=Retry(NoBackoff(), 0))
    late = ViewBuffer(client, "portal:views")
    late.pending(article.pk)  # connected, the script loaded
    late.redis.script_load(late._record.script)
    try:
        with mock.patch("news.viewcounts.services.get_buffer", return_value=late):
            proxy.lose_replies = True
            _view(article)
    finally:
        proxy.close()
    ViewBuffer(own_redis.client, "portal:views").flush()
    assert stored(article) == 1
    assert DeferredView.objects.count() == 0
