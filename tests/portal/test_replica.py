"""DATABASE_REPLICA_URL: anonymous readers' GETs read from the replica; writes, staff and transactions use the primary.

The replica here is the test database under a second alias ("replica", its own connections: portal/test_settings.py),
so which connection ran a query says where the router sent it.
"""

import pytest
from django.db import connections, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from news.models import Article
from portal.replica import ReplicaMiddleware
from tests.factories import make_article

pytestmark = [
    pytest.mark.postgres("the replica is a second connection to the same PostgreSQL database"),
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
]


@pytest.fixture(autouse=True)
def routed(settings):
    settings.DATABASE_ROUTERS = ["portal.replica.ReplicaRouter"]
    yield
    # The replica's pool would keep the test database open, and its removal at the end of the run would fail.
    connections["replica"].close()
    connections["replica"].close_pool()


class Captured:
    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections["replica"]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)

    @staticmethod
    def reads_articles(queries) -> bool:
        return any(q["sql"].startswith("SELECT") and 'FROM "news_article"' in q["sql"] for q in queries)


def through_middleware(request, view):
    """Run `view` as the portal runs a view: inside ReplicaMiddleware."""
    return ReplicaMiddleware(view)(request)


def test_an_anonymous_readers_article_page_reads_from_the_replica_and_counts_on_the_primary(client):
    article = make_article()
    with Captured() as captured:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert captured.reads_articles(captured.replica)
    assert not captured.reads_articles(captured.primary)
    assert any(q["sql"].startswith("UPDATE") for q in captured.primary)  # the view counted, on the primary
    assert not any(q["sql"].startswith(("INSERT", "UPDATE", "DELETE")) for q in captured.replica)
    assert Article.objects.get(pk=article.pk).view_count == 1


def test_staff_pages_read_from_the_primary_only(client, editor):
    article = make_article()
    client.force_login(editor)
    with Captured() as captured:
        assert client.get(article.get_absolute_url()).status_code == 200
        assert client.get(f"/admin/news/article/{article.pk}/change/").status_code == 200
    assert captured.reads_articles(captured.primary)
    assert captured.replica.captured_queries == []


@pytest.mark.parametrize(
    ("method", "cookies"),
    [("post", {}), ("get", {"sessionid": "any"})],
    ids=["a POST", "a GET with a session"],
)
def test_only_anonymous_gets_may_read_from_the_replica(method, cookies):
    make_article()
    request = getattr(RequestFactory(), method)("/")
    request.COOKIES.update(cookies)
    with Captured() as captured:
        through_middleware(request, lambda request: Article.objects.count())
    assert captured.reads_articles(captured.primary)
    assert captured.replica.captured_queries == []


def test_reads_inside_a_transaction_and_every_write_go_to_the_primary():
    article = make_article()

    def view(request):
        with transaction.atomic():
            inside = Article.objects.get(pk=article.pk)  # read to write against: the primary's row
        outside = Article.objects.get(pk=article.pk)  # a plain public read: the replica
        outside.title = "Tiêu đề mới"
        outside.save()  # read from the replica, written to the primary
        return inside

    with Captured() as captured:
        through_middleware(RequestFactory().get("/"), view)
    primary_reads = [q for q in captured.primary if q["sql"].startswith("SELECT") and "news_article" in q["sql"]]
    assert len(primary_reads) >= 1
    assert captured.reads_articles(captured.replica)
    assert any(q["sql"].startswith("UPDATE") and "news_article" in q["sql"] for q in captured.primary)
    assert not any(q["sql"].startswith(("INSERT", "UPDATE", "DELETE")) for q in captured.replica)
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề mới"


def test_without_a_request_everything_reads_from_the_primary():
    make_article()  # management commands, flush_views, the shell: no request, no replica
    with Captured() as captured:
        assert Article.objects.count() == 1
    assert captured.replica.captured_queries == []
