"""Site-wide counters: "Số lượt truy cập" (one per visitor per day) and "đang online" (last 5 minutes)."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from portal.visitors.hints import recent
from portal.visitors.models import OnlineVisitor, SiteVisitDay, SiteVisitMark
from portal.visitors.visits import COUNTERS_CACHE_KEY, prune_site_marks
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_article

pytestmark = pytest.mark.django_db

MORNING = datetime.datetime(2024, 4, 27, 1, 0, tzinfo=datetime.UTC)  # 08:00 in Hanoi


def reader(address: str) -> Client:
    return Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR=address)


def visits() -> dict:
    return dict(SiteVisitDay.objects.values_list("day", "visits"))


class VisitTests:
    def test_one_visit_per_visitor_per_day_whatever_the_pages(self):
        article = make_article(published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
        with time_machine.travel(MORNING, tick=False) as clock:
            first, second = reader("10.0.0.1"), reader("10.0.0.2")
            for url in ("/", article.get_absolute_url(), "/tin-moi/"):
                first.get(url)
            second.get("/")
            recent.clear()  # another server process: the database refuses the repeat
            first.get("/")
            clock.shift(datetime.timedelta(days=1))
            first.get("/")
        assert visits() == {datetime.date(2024, 4, 27): 2, datetime.date(2024, 4, 28): 1}

    def test_bots_staff_errors_and_the_admin_are_not_visits(self, client, editor):
        Client(HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)").get("/")
        reader("10.0.0.3").get("/khong-co-trang-nay/")
        reader("10.0.0.4").head("/")
        reader("10.0.0.5").get("/admin/login/")
        client.force_login(editor)
        client.get("/")
        assert visits() == {}
        assert not OnlineVisitor.objects.exists()

    def test_the_footer_shows_visits_and_who_is_online_like_the_old_portals(self, settings):
        settings.SITE_VISITS_OFFSET = 1_941_000
        with time_machine.travel(MORNING, tick=False) as clock:
            for n in range(3):
                reader(f"10.0.0.{n + 1}").get("/")
            clock.shift(datetime.timedelta(minutes=6))
            reader("10.0.0.9").get("/")  # the first three are no longer online
            cache.delete(COUNTERS_CACHE_KEY)
            html = reader("10.0.0.9").get("/").content.decode()
        assert "Số lượt truy cập: <strong>1.941.004</strong>" in html
        assert "<strong>1</strong> người đang online" in html

    def test_the_counters_are_cached_and_cost_no_query_on_a_warm_page(self, django_assert_max_num_queries):
        from portal.visitors.visits import site_counters

        reader("10.0.0.1").get("/")
        cache.delete(COUNTERS_CACHE_KEY)
        with django_assert_max_num_queries(2):
            assert site_counters() == {"visits": 1, "online": 1}
        with django_assert_max_num_queries(0):
            site_counters()

    def test_prune_drops_past_days_and_long_gone_visitors(self):
        with time_machine.travel(MORNING, tick=False) as clock:
            reader("10.0.0.1").get("/")
            clock.shift(datetime.timedelta(days=2))
            reader("10.0.0.2").get("/")
            assert prune_site_marks(now=datetime.datetime.now(datetime.UTC)) == 2
        assert SiteVisitMark.objects.count() == 1
        assert OnlineVisitor.objects.count() == 1
        assert sum(visits().values()) == 2  # the totals stay


@pytest.mark.postgres("concurrent first visits (SQLite serialises writers, so there is no race to test)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_first_visits_count_each_visitor_once():
    """One statement marks the visitor and adds the visit: 12 requests of one new visitor at the same instant add
    one visit, and 12 distinct visitors add 12, each on its own connection."""
    import threading

    from django.db import connections
    from django.utils import timezone

    from portal.visitors.visits import record_site_visit

    def at_once(visitors):
        barrier, errors = threading.Barrier(len(visitors)), []

        def visit(visitor):
            try:
                barrier.wait()
                record_site_visit(visitor=visitor, now=timezone.now())
            except Exception as error:  # collected and asserted below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=visit, args=(v,)) for v in visitors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        recent.clear()  # each thread's hint would spare the next round its query

    at_once(["a" * 32] * 12)
    assert SiteVisitDay.objects.get().visits == 1
    at_once([f"{n:032x}" for n in range(12)])
    assert SiteVisitDay.objects.get().visits == 13
    assert SiteVisitMark.objects.count() == 13
