"""A backup first writes the views still pending in the Redis buffer, so the copy holds every counted view."""

import datetime
import json
import socket
import sqlite3
import uuid

import pytest
import redis
from django.core.management import call_command
from django.db import connection
from redis.backoff import NoBackoff
from redis.retry import Retry

from news.viewcounts.buffer import ViewBuffer
from news.viewcounts.models import ArticleDailyViews
from tests.factories import make_article
from tests.services import missing

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = "redis://127.0.0.1:6379/3"
DAY = datetime.date(2026, 11, 30)


@pytest.fixture
def buffer(monkeypatch):
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        missing(f"the Redis buffer needs Redis at {REDIS_URL}")
    prefix = f"test-backup-views-{uuid.uuid4().hex[:8]}"
    view_buffer = ViewBuffer(client, prefix)
    monkeypatch.setattr("portal.backups.services.get_buffer", lambda: view_buffer)
    yield view_buffer
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def backed_up_views(directory, article_id) -> tuple[int, list]:
    """The article's total and daily views as the backup holds them (SQLite: read the copied file)."""
    with sqlite3.connect(directory / "database.sqlite3") as copy:
        total = copy.execute("SELECT view_count FROM news_article WHERE id = ?", [article_id]).fetchone()[0]
        daily = copy.execute("SELECT day, views FROM news_articledailyviews WHERE article_id = ?", [article_id])
        return total, daily.fetchall()


class PendingViewsTests:
    def test_views_pending_in_redis_are_written_before_the_copy(self, buffer, tmp_path):
        if connection.vendor != "sqlite":
            pytest.skip("reads the SQLite copy; the flush itself is the same on PostgreSQL")
        article = make_article(view_count=10)
        for n in range(3):
            buffer.record(article_id=article.pk, visitor=f"v{n}", day=DAY, window=1800)
        assert buffer.pending_total() == 3
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        assert buffer.pending_total() == 0
        assert backed_up_views(tmp_path / "backup", article.pk) == (13, [(DAY.isoformat(), 3)])
        assert ArticleDailyViews.objects.get(article=article).views == 3

    def test_a_redis_outage_warns_and_still_backs_up(self, monkeypatch, tmp_path, capsys):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed_port = s.getsockname()[1]
        down = ViewBuffer(redis.Redis(port=closed_port, retry=Retry(NoBackoff(), 0)), "test-backup-views-down")
        monkeypatch.setattr("portal.backups.services.get_buffer", lambda: down)
        make_article()
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        assert "Không ghi được các lượt xem đang chờ trong Redis" in capsys.readouterr().err
        assert json.loads((tmp_path / "backup" / "manifest.json").read_text())["files"]
