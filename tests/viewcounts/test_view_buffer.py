"""Views buffered in a real Redis (database 3) and flushed to the database: nothing lost, nothing doubled."""

import datetime
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from io import StringIO
from unittest import mock

import pytest
import redis
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from redis.backoff import NoBackoff
from redis.retry import Retry

from news.viewcounts.buffer import ViewBuffer
from news.viewcounts.models import ArticleDailyViews, ViewFlush
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_article
from tests.services import missing

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/3"
DAY = datetime.date(2024, 4, 27)


def _redis_or_skip(url=REDIS_URL) -> redis.Redis:
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        missing(f"the Redis buffer tests need Redis at {url}")
    return client


@pytest.fixture
def buffer(monkeypatch):
    client = _redis_or_skip()
    prefix = f"test-views-{uuid.uuid4().hex[:8]}"
    view_buffer = ViewBuffer(client, prefix)
    monkeypatch.setattr("news.viewcounts.services.get_buffer", lambda: view_buffer)
    monkeypatch.setattr("news.viewcounts.management.commands.flush_views.get_buffer", lambda: view_buffer)
    yield view_buffer
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def stored(article) -> int:
    article.refresh_from_db()
    return article.view_count


def record(buffer, article, visitors, day=DAY):
    for visitor in visitors:
        buffer.record(article_id=article.pk, visitor=visitor, day=day, window=1800)


class BufferedCountingTests:
    def test_views_wait_in_redis_and_the_page_shows_stored_plus_pending(self, buffer):
        article = make_article(view_count=286)
        first = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.1")
        assert "data-view-count>287<" in first.get(article.get_absolute_url()).content.decode()
        assert "data-view-count>287<" in first.get(article.get_absolute_url()).content.decode()  # not again
        second = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.2")
        assert "data-view-count>288<" in second.get(article.get_absolute_url()).content.decode()
        assert stored(article) == 286  # nothing written to the database yet
        assert buffer.pending(article.pk) == 2

    def test_a_flush_writes_counts_and_daily_figures_and_empties_the_buffer(self, buffer):
        article, other = make_article(view_count=10), make_article()
        record(buffer, article, ["a", "b", "c", "a"])
        record(buffer, other, ["a"], day=DAY + datetime.timedelta(days=1))
        assert buffer.flush() == 4
        assert stored(article) == 13
        assert stored(other) == 1
        assert dict(ArticleDailyViews.objects.values_list("article_id", "views")) == {article.pk: 3, other.pk: 1}
        assert buffer.pending(article.pk) == 0
        assert buffer.flush() == 0  # nothing left, nothing doubled

    def test_views_recorded_during_a_flush_wait_for_the_next(self, buffer):
        article = make_article()
        record(buffer, article, ["a"])
        real_apply = buffer._apply

        def apply_while_a_reader_arrives(batch):
            record(buffer, article, ["b"])
            return real_apply(batch)

        with mock.patch.object(buffer, "_apply", side_effect=apply_while_a_reader_arrives):
            buffer.flush()
        assert stored(article) == 1
        assert buffer.flush() == 1
        assert stored(article) == 2

    def test_a_flush_failing_half_way_writes_nothing_and_the_next_one_writes_all(self, buffer):
        first, second = make_article(), make_article()
        record(buffer, first, ["a", "b"])
        record(buffer, second, ["a"])
        with (
            mock.patch("news.viewcounts.buffer.add_daily_views", side_effect=[None, DatabaseError("mất kết nối")]),
            pytest.raises(DatabaseError),
        ):
            buffer.flush()
        assert (stored(first), stored(second)) == (0, 0)  # the transaction rolled back as a whole
        assert not ViewFlush.objects.exists()
        assert buffer.flush() == 3
        assert (stored(first), stored(second)) == (2, 1)
        assert ArticleDailyViews.objects.count() == 2

    def test_a_flush_failing_after_its_commit_is_not_applied_twice(self, buffer):
        article = make_article()
        record(buffer, article, ["a", "b"])
        with (
            mock.patch.object(buffer.redis, "delete", side_effect=redis.ConnectionError("Redis vừa khởi động lại")),
            pytest.raises(redis.ConnectionError),
        ):
            buffer.flush()
        assert stored(article) == 2
        assert list(buffer.redis.scan_iter(f"{buffer.prefix}:flushing:*"))  # the batch is still in Redis
        assert buffer.flush() == 0  # the ledger knows it: only deleted
        assert stored(article) == 2
        assert not list(buffer.redis.scan_iter(f"{buffer.prefix}:flushing:*"))
        assert not buffer.redis.exists(buffer.pending_key)

    def test_a_second_flush_running_in_the_middle_of_the_first_takes_nothing_twice(self, buffer):
        article = make_article()
        record(buffer, article, ["a", "b", "c"])
        other = ViewBuffer(redis.Redis.from_url(REDIS_URL), buffer.prefix)  # another process, its own connection
        real_hgetall = buffer.redis.hgetall
        ran = []

        def hgetall_then_the_other_flush_runs(key):
            data = real_hgetall(key)
            if not ran:
                ran.append(other.flush())  # finds the first flush's batch left in Redis and applies it
            return data

        with mock.patch.object(buffer.redis, "hgetall", side_effect=hgetall_then_the_other_flush_runs):
            written = buffer.flush()
        assert ran == [3]
        assert written == 0
        assert stored(article) == 3
        assert ViewFlush.objects.count() == 1

    def test_without_redis_views_go_straight_to_the_database(self, monkeypatch):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed_port = s.getsockname()[1]
        down = ViewBuffer(redis.Redis(port=closed_port, retry=Retry(NoBackoff(), 0)), "test-views-down")
        monkeypatch.setattr("news.viewcounts.services.get_buffer", lambda: down)
        article = make_article(view_count=5)
        started = time.monotonic()
        response = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT).get(article.get_absolute_url())
        assert response.status_code == 200
        assert "data-view-count>6<" in response.content.decode()
        assert stored(article) == 6
        Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.9").get(article.get_absolute_url())
        assert stored(article) == 7  # the next reader goes straight to the database
        assert time.monotonic() - started < 2

    def test_the_command_flushes_and_says_so(self, buffer):
        article = make_article()
        record(buffer, article, ["a", "b"])
        out = StringIO()
        call_command("flush_views", "--dry-run", stdout=out)
        assert "2 views pending" in out.getvalue()
        assert stored(article) == 0
        call_command("flush_views", stdout=out)
        assert "2 views written from Redis" in out.getvalue()
        assert stored(article) == 2


@pytest.mark.postgres("concurrent flushes (SQLite serialises writers, so there is no race to test)")
@pytest.mark.django_db(transaction=True)
class ConcurrentFlushTests:
    def test_four_flushes_at_once_write_every_view_once(self, buffer):
        articles = [make_article() for _ in range(5)]
        for n, article in enumerate(articles):
            record(buffer, article, [f"khach-{i}" for i in range(n + 1)])
        # A batch left by a flush that died before its commit, which every flush below will find.
        buffer.redis.rename(buffer.pending_key, f"{buffer.prefix}:flushing:{uuid.uuid4().hex}")
        for article in articles:
            record(buffer, article, ["nguoi-moi"])
        barrier = threading.Barrier(4)
        written, errors = [], []

        def flush():
            from django.db import connections

            try:
                mine = ViewBuffer(redis.Redis.from_url(REDIS_URL), buffer.prefix)
                barrier.wait()
                written.append(mine.flush())
            except Exception as error:  # collected and asserted below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=flush) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sum(written) == 15 + 5
        assert [stored(a) for a in articles] == [2, 3, 4, 5, 6]


class RedisRestartTests:
    """A Redis of our own, killed without warning and started again on the same data."""

    @pytest.fixture
    def own_redis(self, tmp_path):
        binary = shutil.which("redis-server")
        if binary is None:
            missing("redis-server is not installed, so a restart cannot be tested")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        command = [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(tmp_path),
            "--appendonly",
            "yes",
            "--appendfsync",
            "always",
            "--save",
            "",
        ]

        def start():
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
            client = redis.Redis(port=port)
            for _ in range(50):
                try:
                    client.ping()
                    return process
                except redis.ConnectionError:
                    time.sleep(0.1)
            process.kill()
            pytest.fail("could not start a Redis of our own")

        processes = [start()]
        yield port, start, processes
        for process in processes:
            process.kill()
            process.wait(5)

    def test_pending_views_survive_a_crash_of_redis(self, own_redis):
        port, start, processes = own_redis
        article = make_article()
        buffer = ViewBuffer(redis.Redis(port=port), "portal:views")
        record(buffer, article, ["a", "b", "c"])
        processes[0].send_signal(signal.SIGKILL)
        processes[0].wait(5)
        processes.append(start())
        again = ViewBuffer(redis.Redis(port=port), "portal:views")
        assert again.pending(article.pk) == 3
        record(again, article, ["a"])  # the visitor's mark survived too: not counted twice
        assert again.flush() == 3
        assert stored(article) == 3
