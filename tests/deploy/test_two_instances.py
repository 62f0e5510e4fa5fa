"""Two gunicorn instances on one PostgreSQL and one Redis, as two machines behind a load balancer would run.

Readers go back and forth between the instances (a load balancer without sticky sessions): every reader's view
counts exactly once, an editor's session works on both, and an edit made through one is what the other shows.
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Sum

from news.models import Article
from news.viewcounts.models import ArticleDailyViews
from portal.visitors.models import SiteVisitDay
from tests import redis_server
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_article
from tests.news.workflow_helpers import change_data
from tests.redis_server import free_port

pytestmark = [
    pytest.mark.postgres("two instances share one PostgreSQL database"),
    pytest.mark.django_db(transaction=True),
]
own_redis = redis_server.own_redis  # a fixture

ROOT = Path(__file__).resolve().parents[2]
READERS = 30


class Instance:
    """One gunicorn serving the portal with production settings, on a free loopback port."""

    def __init__(self, env: dict, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log.open("wb")
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "-w", "1", "--threads", "4"]
        self.process = subprocess.Popen(  # noqa: S603
            [*command, "-b", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{self.url}/robots.txt", timeout=2)  # noqa: S310
                return
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        pytest.fail(f"gunicorn did not start: {log.read_text()[-3000:]}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(20)
        self.log.close()


def portal_env(redis_url: str, tmp_path: Path) -> dict:
    db = connection.settings_dict
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "REDIS", "VIEW_", "DJANGO_", "MEDIA_", "AWS_"))
    }
    env.update(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        DB_POOL_MIN_SIZE="1",
        DB_POOL_MAX_SIZE="4",
        REDIS_URL=redis_url,
        SECRET_KEY="two-instances-test-secret-key",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        STAFF_2FA="false",  # the editor signs in with a password alone: two machines are tested here, not 2FA
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


@pytest.fixture
def instances(own_redis, tmp_path):
    env = portal_env(own_redis.url, tmp_path)
    started = []
    try:
        for name in ("a", "b"):
            started.append(Instance(env, tmp_path / f"gunicorn-{name}.log"))
        yield started, env
    finally:
        for instance in started:
            instance.stop()
        connection.close()


class Browser:
    """A browser with its cookies, whichever instance answers (cookies are per host, not per port)."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, url: str) -> str:
        request = urllib.request.Request(url, headers={"User-Agent": BROWSER_USER_AGENT})  # noqa: S310
        with self.opener.open(request, timeout=30) as response:
            assert response.status == 200
            return response.read().decode()

    def post(self, url: str, form_page: str, data: dict) -> str:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, body, headers={"User-Agent": BROWSER_USER_AGENT})  # noqa: S310
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()


def flush_views(env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", "flush_views", "-v", "0"], cwd=ROOT, env=env, check=True)


def test_views_counted_through_both_instances_are_exact(instances):
    (a, b), env = instances
    article = make_article()
    path = article.get_absolute_url()

    def reader(n: int) -> None:
        browser = Browser()
        first, second = (a, b) if n % 2 else (b, a)
        for instance in (first, second, first, second):  # back and forth: one view, not four
            browser.get(instance.url + path)

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(reader, range(READERS)))
    # Two more readers, one on each instance: each sees the count with every view so far, pending in the shared Redis.
    shown = [re.search(r"data-view-count>([\d.]+)<", Browser().get(i.url + path)).group(1) for i in (a, b)]
    assert shown == [str(READERS + 1), str(READERS + 2)]
    flush_views(env)
    total = READERS + 2
    assert Article.objects.get(pk=article.pk).view_count == total
    assert ArticleDailyViews.objects.filter(article=article).aggregate(total=Sum("views"))["total"] == total
    assert SiteVisitDay.objects.aggregate(total=Sum("visits"))["total"] == total


def test_an_edit_made_through_one_instance_is_fresh_on_the_other(instances, editor, own_redis, settings):
    (a, b), _env = instances
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what the instances know
    editor.set_password("mat-khau-bien-tap")
    editor.save()
    article = make_article(title="Tiêu đề cũ của bài viết")
    reader = Browser()
    assert "Tiêu đề cũ của bài viết" in reader.get(b.url + article.get_absolute_url())
    assert "Tiêu đề cũ của bài viết" in reader.get(b.url + "/")

    staff = Browser()
    login = staff.get(a.url + "/admin/login/")
    staff.post(a.url + "/admin/login/?next=/admin/", login, {"username": "bientap", "password": "mat-khau-bien-tap"})
    assert any(b"sessions" in key for key in own_redis.client.keys("*")), "the session lives in Redis"
    change = f"/admin/news/article/{article.pk}/change/"
    form = staff.get(b.url + change)  # signed in on a, recognised on b
    fields = change_data(article, title="Tiêu đề mới sau khi sửa", _save="Lưu")
    staff.post(a.url + change, form, fields)
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề mới sau khi sửa"

    for page in (article.get_absolute_url(), "/"):
        html = reader.get(b.url + page)
        assert "Tiêu đề mới sau khi sửa" in html
        assert "Tiêu đề cũ của bài viết" not in html
