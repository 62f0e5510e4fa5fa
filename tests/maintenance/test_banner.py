"""A planned downtime is announced on every public page from 7 working days before it starts until it ends."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.maintenance.models import Maintenance, showing
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BANNER = 'class="maintenance"'


def local(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def downtime():
    # Monday 7 September 2026, 22:00 to 23:30. Seven working days before it skip the weekends and the National
    # Day holidays (1-2 September, and 31 August in lieu): the notice starts on Monday 24 August.
    return Maintenance.objects.create(
        starts_at=local(2026, 9, 7, 22, 0), ends_at=local(2026, 9, 7, 23, 30), message="Nâng cấp máy chủ."
    )


def test_the_notice_starts_seven_working_days_ahead_skipping_weekends_and_holidays(downtime):
    assert downtime.announced_on == datetime.date(2026, 8, 24)
    assert not downtime.is_shown(local(2026, 8, 23, 23, 59))
    assert downtime.is_shown(local(2026, 8, 24, 0, 0))
    assert downtime.is_shown(local(2026, 9, 7, 23, 0))  # under way
    assert not downtime.is_shown(local(2026, 9, 7, 23, 30))  # back


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        ((2026, 8, 21, 12, 0), False),
        ((2026, 8, 24, 8, 0), True),
        ((2026, 9, 7, 22, 30), True),
        ((2026, 9, 8, 0, 0), False),
    ],
)
def test_every_public_page_shows_the_banner_in_its_window(client, downtime, time_machine, when, shown):
    time_machine.move_to(local(*when))
    article = make_article()
    for url in (reverse("home"), article.get_absolute_url(), reverse("campaigns:document-list")):
        html = client.get(url).content.decode()
        assert (BANNER in html) is shown, url
        if shown:
            assert "Nâng cấp máy chủ." in html and "07/09/2026 23:30" in html


def test_under_way_the_banner_says_so(client, downtime, time_machine):
    time_machine.move_to(local(2026, 9, 7, 22, 30))
    assert "Cổng thông tin đang bảo trì" in client.get(reverse("home")).content.decode()
    time_machine.move_to(local(2026, 9, 1, 9, 0))
    assert "Thông báo bảo trì hệ thống" in client.get(reverse("home")).content.decode()


def test_the_rows_are_cached_and_a_save_clears_them(downtime, django_assert_num_queries, time_machine):
    time_machine.move_to(local(2026, 8, 25, 9, 0))
    with django_assert_num_queries(1):
        assert showing() == [downtime]
    with django_assert_num_queries(0):
        assert showing() == [downtime]
    downtime.ends_at = local(2026, 8, 25, 8, 0)
    downtime.starts_at = local(2026, 8, 25, 7, 0)
    downtime.save()
    assert showing() == []
    Maintenance.objects.create(starts_at=local(2026, 8, 26, 22, 0), ends_at=local(2026, 8, 27, 1, 0), message="Lần 2")
    assert [notice.message for notice in showing()] == ["Lần 2"]
    Maintenance.objects.all().delete()
    assert showing() == []


def test_the_end_must_follow_the_start():
    notice = Maintenance(starts_at=local(2026, 9, 7, 22, 0), ends_at=local(2026, 9, 7, 21, 0), message="x")
    with pytest.raises(ValidationError):
        notice.full_clean()


def test_the_admin_schedules_and_warns_of_short_notice(admin_client, time_machine):
    time_machine.move_to(local(2026, 9, 3, 9, 0))
    response = admin_client.post(
        reverse("admin:maintenance_maintenance_add"),
        {
            "starts_at_0": "2026-09-07",
            "starts_at_1": "22:00",
            "ends_at_0": "2026-09-07",
            "ends_at_1": "23:30",
            "message": "Nâng cấp máy chủ.",
        },
        follow=True,
    )
    assert response.status_code == 200
    notice = Maintenance.objects.get()
    assert notice.starts_at == local(2026, 9, 7, 22, 0)
    assert "chưa đủ 7 ngày làm việc" in response.content.decode()
    page = admin_client.get(reverse("admin:maintenance_maintenance_change", args=[notice.pk])).content.decode()
    assert "24/08/2026" in page


def test_cached_pages_take_the_banner_off_at_the_end_and_say_under_way_at_the_start(client, settings):
    """The page cache (portal/pagecache) keeps a page until the downtime's next moment (portal/timed_content.py)."""
    from tests.pagecache.conftest import cache_state, reader

    settings.PAGE_CACHE_SECONDS = 3600  # longer than the waits: only the downtime's times can end the entry
    start = local(2026, 9, 7, 22, 0)
    Maintenance.objects.create(starts_at=start, ends_at=start + datetime.timedelta(hours=1), message="Nâng cấp.")
    browser = reader()
    with time_machine.travel(start - datetime.timedelta(minutes=10), tick=False) as clock:
        browser.get("/")
        cached = browser.get("/")
        assert cache_state(cached) == "hit" and "Thông báo bảo trì hệ thống" in cached.content.decode()
        clock.shift(datetime.timedelta(minutes=10, seconds=1))
        under_way = browser.get("/")
        assert cache_state(under_way) == "miss" and "Cổng thông tin đang bảo trì" in under_way.content.decode()
        clock.shift(datetime.timedelta(hours=1))
        after = browser.get("/")
        assert cache_state(after) == "miss" and BANNER not in after.content.decode()
