"""What counts as a view of an article (news/viewcounts/, portal/visitors/identity.py)."""

import datetime
import threading
from unittest import mock

import pytest
import time_machine
from django.test import Client

from news.comments.models import CommentSettings
from news.models import Article
from news.viewcounts.models import ArticleDailyViews
from portal.visitors.hints import recent
from portal.visitors.identity import VISITOR_COOKIE, is_bot
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_article

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2024, 4, 27, 5, 0, tzinfo=datetime.UTC)  # 12:00 in Hanoi


@pytest.fixture
def article():
    return make_article(
        "Chi bộ Văn phòng học tập chuyên đề năm 2024",
        view_count=286,
        published_at=datetime.datetime(2024, 1, 2, 3, 0, tzinfo=datetime.UTC),  # before the travels below
    )


def views(article) -> int:
    article.refresh_from_db()
    return article.view_count


def shown(response) -> str:
    html = response.content.decode()
    start = html.index("data-view-count>") + len("data-view-count>")
    return html[start : html.index("<", start)]


class WhatCountsTests:
    def test_the_first_view_counts_and_the_page_shows_it_exactly(self, client, article):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert shown(response) == "287"
        assert views(article) == 287

    def test_a_visitor_counts_once_per_window(self, client, article):
        with time_machine.travel(NOON, tick=False) as clock:
            client.get(article.get_absolute_url())
            clock.shift(datetime.timedelta(minutes=29))
            assert shown(client.get(article.get_absolute_url())) == "287"
            assert views(article) == 287
            clock.shift(datetime.timedelta(minutes=1, seconds=1))  # 30 minutes after the counted view
            assert shown(client.get(article.get_absolute_url())) == "288"
        assert views(article) == 288

    def test_the_window_is_a_setting(self, client, article, settings):
        settings.VIEW_COUNT_WINDOW = 60
        with time_machine.travel(NOON, tick=False) as clock:
            client.get(article.get_absolute_url())
            clock.shift(datetime.timedelta(seconds=61))
            client.get(article.get_absolute_url())
        assert views(article) == 288

    def test_the_window_holds_across_processes(self, client, article):
        """Another server process has no hints of this one: the database's mark refuses the repeat."""
        client.get(article.get_absolute_url())
        recent.clear()
        client.get(article.get_absolute_url())
        assert views(article) == 287

    def test_each_article_and_each_visitor_counts_on_its_own(self, article):
        other = make_article()
        first, second = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT), Client(HTTP_USER_AGENT=BROWSER_USER_AGENT)
        second.defaults["REMOTE_ADDR"] = "203.113.1.2"
        for visitor in (first, second):
            visitor.get(article.get_absolute_url())
            visitor.get(other.get_absolute_url())
        assert views(article) == 288
        assert views(other) == 2

    def test_counting_can_be_turned_off(self, client, article, settings):
        settings.VIEW_COUNTING = False
        response = client.get(article.get_absolute_url())
        assert shown(response) == "286"
        assert views(article) == 286


class VisitorTests:
    def test_the_portal_sets_a_signed_first_party_cookie(self, client, article):
        response = client.get(article.get_absolute_url())
        cookie = response.cookies[VISITOR_COOKIE]
        assert cookie["httponly"]
        assert cookie["samesite"] == "Lax"
        assert client.get(article.get_absolute_url()).cookies.get(VISITOR_COOKIE) is None  # kept, not re-set

    def test_the_cookie_keeps_the_visitor_when_the_address_changes(self, client, article):
        client.get(article.get_absolute_url(), REMOTE_ADDR="10.0.0.1")
        client.get(article.get_absolute_url(), REMOTE_ADDR="10.0.0.2")
        assert views(article) == 287

    def test_a_client_rotating_its_user_agent_without_cookies_is_bounded_by_the_budget(self, article, settings):
        """100 requests, 100 User-Agents, no cookie kept, one address: the address's budget, plus its overflow."""
        for n in range(100):
            agent = BROWSER_USER_AGENT.replace("Chrome/131", f"Chrome/{n}")
            Client(HTTP_USER_AGENT=agent, REMOTE_ADDR="203.0.113.66").get(article.get_absolute_url())
        assert views(article) == 286 + settings.VISITOR_NEW_PER_ADDRESS + 1
        Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="203.0.113.67").get(article.get_absolute_url())
        assert views(article) == 286 + settings.VISITOR_NEW_PER_ADDRESS + 2  # another address: its own budget

    def test_the_budget_renews_with_each_window(self, article, settings):
        settings.VISITOR_NEW_PER_ADDRESS = 2
        with time_machine.travel(NOON, tick=False) as clock:
            for _ in range(5):
                Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="203.0.113.66").get(article.get_absolute_url())
            assert views(article) == 286 + 3
            clock.shift(datetime.timedelta(seconds=settings.VISITOR_NEW_WINDOW))
            Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="203.0.113.66").get(article.get_absolute_url())
        assert views(article) == 286 + 4

    def test_an_office_behind_one_address_counts_each_colleague(self, article):
        """50 colleagues, one address, one browser make: 50 readers, each counted once however often they read."""
        office = [Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="203.0.113.10") for _ in range(50)]
        for _ in range(3):
            for colleague in office:
                assert colleague.get(article.get_absolute_url()).status_code == 200
        assert views(article) == 286 + 50
        assert len({colleague.cookies[VISITOR_COOKIE].value for colleague in office}) == 50

    def test_a_repeat_reader_counts_once_per_window(self, client, article, settings):
        with time_machine.travel(NOON, tick=False) as clock:
            for _ in range(20):
                client.get(article.get_absolute_url(), HTTP_USER_AGENT=f"{BROWSER_USER_AGENT} {_}")
            assert views(article) == 287
            clock.shift(datetime.timedelta(seconds=settings.VIEW_COUNT_WINDOW + 1))
            client.get(article.get_absolute_url())
        assert views(article) == 288

    def test_a_reader_first_view_counts_at_once_without_a_cookie(self, article):
        response = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT).get(article.get_absolute_url())
        assert shown(response) == "287"
        assert views(article) == 287
        assert VISITOR_COOKIE in response.cookies

    def test_the_first_page_and_the_next_with_the_new_cookie_are_one_visitor(self, client, article):
        first = client.get(article.get_absolute_url())
        assert VISITOR_COOKIE in first.cookies
        client.get(article.get_absolute_url())
        assert views(article) == 287

    def test_a_forged_cookie_is_ignored(self, client, article):
        forged = "0123456789abcdef0123456789abcdef"  # not signed by the portal
        client.cookies[VISITOR_COOKIE] = forged
        response = client.get(article.get_absolute_url())
        assert views(article) == 287  # a new browser: an identity of its own, from the budget
        assert response.cookies[VISITOR_COOKIE].value.split(":")[0] != forged
        client.get(article.get_absolute_url())
        assert views(article) == 287  # the genuine cookie it was given keeps it one visitor


class NotCountedTests:
    @pytest.mark.parametrize(
        "agent",
        [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "curl/8.5.0",
            "python-requests/2.32.3",
            "",
        ],
        ids=["google", "bing", "coccoc", "facebook", "curl", "python-requests", "no-agent"],
    )
    def test_bots_and_crawlers(self, article, agent):
        response = Client(HTTP_USER_AGENT=agent).get(article.get_absolute_url())
        assert response.status_code == 200
        assert views(article) == 286
        assert is_bot(agent)

    def test_readers_browsers_are_not_bots(self):
        assert not is_bot(BROWSER_USER_AGENT)
        assert not is_bot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148")

    def test_head_requests(self, client, article):
        assert client.head(article.get_absolute_url()).status_code == 200
        assert views(article) == 286

    @pytest.mark.parametrize(
        "header",
        [
            {"HTTP_SEC_PURPOSE": "prefetch"},
            {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
            {"HTTP_PURPOSE": "prefetch"},
            {"HTTP_X_MOZ": "prefetch"},
        ],
        ids=["sec-purpose", "prerender", "purpose", "x-moz"],
    )
    def test_browser_prefetch(self, client, article, header):
        assert client.get(article.get_absolute_url(), **header).status_code == 200
        assert views(article) == 286

    def test_logged_in_staff(self, client, article, editor):
        client.force_login(editor)
        assert client.get(article.get_absolute_url()).status_code == 200
        assert views(article) == 286

    def test_logged_in_readers_who_are_not_staff_do_count(self, client, article, django_user_model):
        client.force_login(django_user_model.objects.create_user("bandoc", password="mat-khau-ban-doc"))
        client.get(article.get_absolute_url())
        assert views(article) == 287

    def test_requests_that_end_in_an_error(self, article):
        client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, raise_request_exception=False)
        with mock.patch.object(Article.objects, "related_to", side_effect=RuntimeError("hỏng")):
            assert client.get(article.get_absolute_url()).status_code == 500
        assert views(article) == 286
        assert not ArticleDailyViews.objects.exists()

    def test_pages_not_found(self, client, article):
        article.status = Article.Status.DRAFT
        article.save()
        assert client.get(article.get_absolute_url()).status_code == 404
        assert views(article) == 286


class DailyFiguresTests:
    def test_each_counted_view_adds_to_the_local_day(self, article):
        late_evening = datetime.datetime(2024, 4, 27, 16, 30, tzinfo=datetime.UTC)  # 23:30 in Hanoi
        with time_machine.travel(late_evening, tick=False) as clock:
            Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.1").get(article.get_absolute_url())
            Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.2").get(article.get_absolute_url())
            clock.shift(datetime.timedelta(hours=1))  # 00:30 on the 28th in Hanoi
            Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.1").get(article.get_absolute_url())
        figures = dict(ArticleDailyViews.objects.filter(article=article).values_list("day", "views"))
        assert figures == {datetime.date(2024, 4, 27): 2, datetime.date(2024, 4, 28): 1}


class CachedPageTests:
    def test_a_page_served_from_a_cache_still_counts(self, article, settings):
        """The portal's page cache (portal/pagecache): the counter sits outside it, so a cache hit counts."""
        settings.PAGE_CACHE_SECONDS = 3600
        CommentSettings.current()  # made on first use: a save, which would empty the page cache after the first page
        client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT)
        with time_machine.travel(NOON, tick=False) as clock:
            client.get(article.get_absolute_url())  # counted, rendered and cached
            assert views(article) == 287
            clock.shift(datetime.timedelta(minutes=31))
            with mock.patch("news.views.ArticleDetailView.get", side_effect=AssertionError("not from the cache")):
                cached = client.get(article.get_absolute_url())
        assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
        assert views(article) == 288
        assert shown(cached) == "288"  # the cached page's number is brought up to date as it is counted
        assert int(cached["Content-Length"]) == len(cached.content)


class QueryCostTests:
    def test_a_repeat_view_writes_nothing(self, client, article, django_assert_num_queries):
        client.get(article.get_absolute_url())
        with django_assert_num_queries(0):
            from news.viewcounts.services import record_article_view

            visitor = client.cookies[VISITOR_COOKIE].value.split(":")[0]
            assert record_article_view(article_id=article.pk, visitor=visitor, stored_count=287) is None

    def test_a_counted_view_is_one_transaction_of_three_statements(self, article, django_assert_max_num_queries):
        from news.viewcounts.services import record_article_view

        with django_assert_max_num_queries(5):  # a savepoint pair in tests, then claim, add, add to the day
            assert record_article_view(article_id=article.pk, visitor="a" * 32, stored_count=286) == 287


@pytest.mark.postgres("concurrent views (SQLite serialises writers, so there is no race to test)")
@pytest.mark.django_db(transaction=True)
class ConcurrentViewsTests:
    """Distinct readers opening one article at the same moment, each on its own database connection."""

    def test_n_distinct_visitors_at_once_add_exactly_n(self):
        article = make_article(view_count=1000)
        n = 24
        barrier = threading.Barrier(n)
        statuses, errors = [], []

        def read(i):
            from django.db import connections

            try:
                client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR=f"10.1.0.{i + 1}")
                barrier.wait()
                statuses.append(client.get(article.get_absolute_url()).status_code)
                client.get(article.get_absolute_url())  # the same reader again: not counted
            except Exception as error:  # collected and asserted below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=read, args=(i,)) for i in range(n)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert statuses == [200] * n
        assert views(article) == 1000 + n
        assert sum(ArticleDailyViews.objects.filter(article=article).values_list("views", flat=True)) == n


def test_expired_marks_are_pruned_and_fresh_ones_kept(article):
    from news.viewcounts.counters import prune_view_marks
    from news.viewcounts.models import ArticleViewMark

    with time_machine.travel(NOON, tick=False) as clock:
        Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.1").get(article.get_absolute_url())
        clock.shift(datetime.timedelta(minutes=20))
        Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR="10.0.0.2").get(article.get_absolute_url())
        clock.shift(datetime.timedelta(minutes=11))
        assert prune_view_marks(now=datetime.datetime.now(datetime.UTC), window=1800) == 1
    assert ArticleViewMark.objects.count() == 1
    assert views(article) == 288


def test_flush_views_without_redis_only_prunes(article, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.VIEW_COUNT_BUFFER = False
    with time_machine.travel(NOON, tick=False) as clock:
        Client(HTTP_USER_AGENT=BROWSER_USER_AGENT).get(article.get_absolute_url())
        clock.shift(datetime.timedelta(days=2))
        out = StringIO()
        call_command("flush_views", stdout=out)
    assert "0 views written (no Redis buffer" in out.getvalue()
    assert "3 expired marks removed" in out.getvalue()  # the view's mark, the day's visit mark, the online row
    assert views(article) == 287
