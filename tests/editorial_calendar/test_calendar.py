"""The editorial calendar: its data (by local day, category, who sees what) and moving scheduled articles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.editorial_calendar.schedule import month_weeks, week_days
from news.models import Article, ArticleEvent
from portal.notifications.models import Kind, Notification
from tests.factories import make_article, make_category
from tests.news.workflow_helpers import make_draft

pytestmark = pytest.mark.django_db
Status = Article.Status
TZ = timezone.get_current_timezone()


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=TZ)


def entries(days) -> dict:
    return {day.date: [a.title for a in day.entries] for day in days if day.entries}


class CalendarDataTests:
    def test_articles_sit_on_their_local_day_published_and_scheduled_alike(self, editor):
        # 23:30 in Hanoi is 16:30 UTC the same day; 00:30 local is the previous day in UTC.
        make_article(title="Khuya", published_at=local(2026, 11, 3, 23, 30))
        make_article(title="Sáng sớm", published_at=local(2026, 11, 4, 0, 30))
        make_draft(editor, title="Bản nháp", published_at=local(2026, 11, 4, 9, 0))
        make_article(title="Tháng trước", published_at=local(2026, 10, 31, 9, 0))
        weeks = month_weeks(2026, 11, user=editor)
        days = [day for week in weeks for day in week]
        assert entries(days)[datetime.date(2026, 11, 3)] == ["Khuya"]
        assert entries(days)[datetime.date(2026, 11, 4)] == ["Sáng sớm"]  # drafts are not on the calendar
        assert days[0].date == datetime.date(2026, 10, 26) and days[0].weekday_name == "Thứ hai"
        assert not next(d for d in days if d.date == datetime.date(2026, 10, 31)).in_period
        assert "Tháng trước" in entries(days)[datetime.date(2026, 10, 31)]  # shown greyed in the first week

    def test_scheduled_articles_are_marked(self, editor):
        later = timezone.now() + datetime.timedelta(days=1)
        make_article(title="Hẹn giờ", published_at=later)
        monday = timezone.localdate(later) - datetime.timedelta(days=timezone.localdate(later).weekday())
        (entry,) = [a for day in week_days(monday, user=editor) for a in day.entries]
        assert entry.is_scheduled

    def test_a_writer_sees_only_their_own(self, writer, editor):
        make_article(title="Của phóng viên", created_by=writer, published_at=local(2026, 11, 10, 8, 0))
        make_article(title="Của người khác", created_by=editor, published_at=local(2026, 11, 10, 9, 0))
        days = [day for week in month_weeks(2026, 11, user=writer) for day in week]
        assert entries(days) == {datetime.date(2026, 11, 10): ["Của phóng viên"]}

    def test_filtered_by_category(self, editor):
        politics = make_category("Xây dựng Đảng")
        make_article(title="Trong chuyên mục", category=politics, published_at=local(2026, 11, 10, 8, 0))
        make_article(title="Ngoài chuyên mục", category=make_category(), published_at=local(2026, 11, 10, 9, 0))
        days = [day for week in month_weeks(2026, 11, user=editor, category=politics) for day in week]
        assert entries(days) == {datetime.date(2026, 11, 10): ["Trong chuyên mục"]}


class CalendarPageTests:
    def test_month_and_week_pages_show_entries_with_their_category(self, client, editor):
        make_article(title="Hội nghị sơ kết", published_at=local(2026, 11, 10, 8, 0))
        client.force_login(editor)
        month = client.get(reverse("editorial_calendar:month"), {"thang": "2026-11"}).content.decode()
        assert "Hội nghị sơ kết" in month and "tháng 11 năm 2026" in month
        week = client.get(reverse("editorial_calendar:week"), {"ngay": "2026-11-12"}).content.decode()
        assert "Hội nghị sơ kết" in week and "09/11 – 15/11/2026" in week

    def test_the_pages_cost_the_same_for_many_articles(self, client, editor, django_assert_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        make_article(published_at=local(2026, 11, 2, 8, 0))
        client.force_login(editor)
        url = reverse("editorial_calendar:month")
        client.get(url, {"thang": "2026-11"})
        with CaptureQueriesContext(connection) as one:
            client.get(url, {"thang": "2026-11"})
        counted = len(one.captured_queries)  # read now: the next request resets the log
        for day in range(1, 29):
            make_article(published_at=local(2026, 11, day, 10, 0), category=make_category())
        client.get(url, {"thang": "2026-10"})  # the site's cached menu, cleared by the saves, is built again
        with django_assert_num_queries(counted):
            client.get(url, {"thang": "2026-11"})
        assert counted <= 8

    @pytest.mark.parametrize(
        "query", [{"thang": "2026-13"}, {"thang": "x"}, {"thang": "99999-01"}, {"ngay": "2026-02-30"}]
    )
    def test_bad_dates_fall_back_to_now(self, client, editor, query):
        client.force_login(editor)
        for name in ("month", "week"):
            assert client.get(reverse(f"editorial_calendar:{name}"), query).status_code == 200

    def test_only_movers_get_the_move_forms_and_script_data(self, client, writer, editor):
        later = timezone.now() + datetime.timedelta(days=1)
        make_article(title="Hẹn giờ của phóng viên", created_by=writer, published_at=later)
        query = {"thang": timezone.localdate(later).strftime("%Y-%m")}
        client.force_login(writer)
        seen = client.get(reverse("editorial_calendar:month"), query).content.decode()
        assert "Hẹn giờ của phóng viên" in seen and "data-move-url" not in seen and 'name="when"' not in seen
        client.force_login(editor)
        html = client.get(reverse("editorial_calendar:month"), query).content.decode()
        assert "data-move-url" in html and 'name="when"' in html and "editorial_calendar.js" in html
        assert "<script>" not in html  # no inline script: the Content-Security-Policy forbids it


@pytest.fixture
def scheduled(writer):
    return make_article(
        title="Bài hẹn giờ", created_by=writer, published_at=timezone.now() + datetime.timedelta(days=2)
    )


def move_url(article):
    return reverse("editorial_calendar:move", args=[article.pk])


class MoveTests:
    def test_an_editor_drags_to_another_day_keeping_the_time(self, client, editor, scheduled):
        before = timezone.localtime(scheduled.published_at)
        target = before.date() + datetime.timedelta(days=3)
        client.force_login(editor)
        response = client.post(move_url(scheduled), {"date": target.isoformat()}, HTTP_ACCEPT="application/json")
        assert response.status_code == 200 and response.json()["ok"]
        scheduled.refresh_from_db()
        after = timezone.localtime(scheduled.published_at)
        assert after.date() == target and after.time() == before.time()
        event = ArticleEvent.objects.get(action=ArticleEvent.Action.RESCHEDULE)
        assert event.by == editor and target.strftime("%d/%m/%Y") in event.note
        assert Notification.objects.filter(kind=Kind.SCHEDULED, recipient=scheduled.created_by).exists()

    def test_the_keyboard_form_sets_date_and_time(self, client, editor, scheduled):
        when = timezone.localtime(timezone.now() + datetime.timedelta(days=5)).replace(
            hour=9, minute=15, second=0, microsecond=0
        )
        client.force_login(editor)
        response = client.post(
            move_url(scheduled), {"when": when.strftime("%Y-%m-%dT%H:%M"), "next": "/admin/lich-bien-tap/tuan/"}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/lich-bien-tap/tuan/"
        scheduled.refresh_from_db()
        assert scheduled.published_at == when

    def test_a_writer_may_not_move_even_their_own(self, client, writer, scheduled):
        before = scheduled.published_at
        client.force_login(writer)
        tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
        response = client.post(move_url(scheduled), {"date": tomorrow}, HTTP_ACCEPT="application/json")
        assert response.status_code == 403
        scheduled.refresh_from_db()
        assert scheduled.published_at == before
        assert not ArticleEvent.objects.exists()

    def test_a_published_article_stays_where_it_is(self, client, editor):
        live = make_article(published_at=timezone.now() - datetime.timedelta(days=1))
        before = live.published_at
        client.force_login(editor)
        tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
        response = client.post(move_url(live), {"date": tomorrow}, HTTP_ACCEPT="application/json")
        assert response.status_code == 400 and "hẹn giờ" in response.json()["message"]
        live.refresh_from_db()
        assert live.published_at == before

    @pytest.mark.parametrize("data", [{"date": "2020-01-01"}, {"date": "xx"}, {"when": "2026-02-30T10:00"}, {}])
    def test_a_past_or_broken_time_is_a_message_not_a_500(self, client, editor, scheduled, data):
        before = scheduled.published_at
        client.force_login(editor)
        response = client.post(move_url(scheduled), data, follow=True)
        assert response.status_code == 200
        assert "errornote" in response.content.decode() or "error" in response.content.decode()
        scheduled.refresh_from_db()
        assert scheduled.published_at == before

    def test_moving_needs_a_post(self, client, editor, scheduled):
        client.force_login(editor)
        assert client.get(move_url(scheduled)).status_code == 405
