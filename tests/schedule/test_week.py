"""Lịch công tác: the published week, its neighbours, the "Điều chỉnh" mark and who may enter it."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from portal.about.models import Leader
from portal.roles import EDITOR, WRITER
from portal.schedule.models import ScheduleEntry
from portal.schedule.services import mark_changes
from tests.html_tree import parse

pytestmark = pytest.mark.django_db

# Monday 30 November 2026: ISO week 49.
NOW = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
MONDAY = datetime.date(2026, 11, 30)


def entry(day=MONDAY, **fields):
    fields = {"content": "Họp Ban Thường vụ", "is_published": True, **fields}
    return ScheduleEntry.objects.create(day=day, **fields)


@time_machine.travel(NOW, tick=False)
def test_this_week_shows_published_entries_by_day_with_leaders_place_and_attendees(client):
    leader = Leader.objects.create(name="Nguyễn Văn Minh", title="Bí thư")
    meeting = entry(
        start_time=datetime.time(14, 0),
        content="Họp Ban Thường vụ Đảng ủy",
        location="Phòng họp số 2",
        preparing="Văn phòng Đảng ủy",
        attendees="Ủy viên Ban Thường vụ",
        other_leaders="Đại diện Đảng ủy Khối",
    )
    meeting.leaders.add(leader)
    entry(day=MONDAY + datetime.timedelta(days=2), content="Kiểm tra Chi bộ", start_time=datetime.time(8, 0))
    entry(content="Bản nháp chưa công bố", is_published=False)
    entry(day=MONDAY + datetime.timedelta(days=7), content="Việc của tuần sau")

    response = client.get("/lich-cong-tac/")

    text = response.content.decode()
    assert response.status_code == 200
    expected = [
        *("Thứ hai, 30/11/2026", "14:00", "Họp Ban Thường vụ Đảng ủy", "Nguyễn Văn Minh; Đại diện Đảng ủy Khối"),
        *("Phòng họp số 2", "Văn phòng Đảng ủy", "Ủy viên Ban Thường vụ", "Thứ tư, 02/12/2026", "Kiểm tra Chi bộ"),
    ]
    for part in expected:
        assert part in text, part
    assert "Bản nháp chưa công bố" not in text
    assert "Việc của tuần sau" not in text
    assert "Tuần 49 năm 2026" in text


@time_machine.travel(NOW, tick=False)
def test_week_navigation_links_previous_next_and_this_week(client):
    page = parse(client.get(reverse("schedule:week-of", kwargs={"year": 2026, "week": 51})).content)
    links = {a.own_text().strip("←→ "): a.attrs["href"] for a in page.find("nav", "schedule-nav").find_all("a")}
    assert links == {
        "Tuần trước": "/lich-cong-tac/2026/tuan-50/",
        "Tuần này": "/lich-cong-tac/2026/tuan-49/",
        "Tuần sau": "/lich-cong-tac/2026/tuan-52/",
    }


def test_weeks_across_the_new_year_follow_iso_weeks(client):
    page = parse(client.get("/lich-cong-tac/2026/tuan-53/").content)
    links = [a.attrs["href"] for a in page.find("nav", "schedule-nav").find_all("a")]
    assert links[0] == "/lich-cong-tac/2026/tuan-52/" and links[2] == "/lich-cong-tac/2027/tuan-1/"


@pytest.mark.parametrize(
    "path",
    [
        "/lich-cong-tac/2025/tuan-53/",
        "/lich-cong-tac/2026/tuan-0/",
        "/lich-cong-tac/0/tuan-1/",
        "/lich-cong-tac/99999/tuan-1/",
        "/lich-cong-tac/2026/tuan-99999999999999999999/",
    ],
)
def test_a_week_that_does_not_exist_is_404(client, path):
    assert client.get(path).status_code == 404


def test_a_public_holiday_is_named_on_its_day(client):
    # 2 September 2026 (Wednesday) is Quốc khánh, in ISO week 36.
    entry(day=datetime.date(2026, 9, 2), content="Trực lễ")
    text = client.get("/lich-cong-tac/2026/tuan-36/").content.decode()
    assert "Nghỉ lễ" in text and "Quốc khánh" in text


def test_marks_first_publication_then_adjustment_of_what_readers_see():
    now = timezone.now()
    draft = ScheduleEntry(day=MONDAY, content="Họp", is_published=False)
    mark_changes(entry=draft, was_published=False, changed=["content"], now=now)
    assert draft.published_at is None and draft.adjusted_at is None

    draft.is_published = True
    mark_changes(entry=draft, was_published=False, changed=["is_published", "content"], now=now)
    assert draft.published_at == now and draft.adjusted_at is None

    later = now + datetime.timedelta(hours=3)
    mark_changes(entry=draft, was_published=True, changed=["is_published"], now=later)
    assert draft.adjusted_at is None  # nothing readers see changed
    mark_changes(entry=draft, was_published=True, changed=["location"], now=later)
    assert draft.adjusted_at == later and draft.published_at == now


@pytest.fixture
def editor(db):
    user = User.objects.create_user("bientap", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


def test_an_editor_enters_an_entry_and_a_change_after_publication_is_marked_adjusted(client, editor):
    client.force_login(editor)
    leader = Leader.objects.create(name="Nguyễn Văn Minh", title="Bí thư")
    data = {
        **{"day": "2026-11-30", "start_time": "07:30", "leaders": [leader.pk], "content": "Chào cờ đầu tuần"},
        **{"location": "Hội trường", "preparing": "", "attendees": "", "other_leaders": "", "is_published": "on"},
    }
    assert client.post(reverse("admin:schedule_scheduleentry_add"), data).status_code == 302
    saved = ScheduleEntry.objects.get()
    assert saved.published_at is not None and saved.adjusted_at is None
    assert list(saved.leaders.all()) == [leader]

    change = reverse("admin:schedule_scheduleentry_change", args=[saved.pk])
    assert client.post(change, {**data, "start_time": "08:00"}).status_code == 302
    saved.refresh_from_db()
    assert saved.adjusted_at is not None

    page = client.get(saved.get_absolute_url().split("#")[0]).content.decode()
    assert "Điều chỉnh" in page


def test_a_writer_may_not_enter_the_schedule(client):
    writer = User.objects.create_user("phongvien", password="x", is_staff=True)
    writer.groups.add(Group.objects.get(name=WRITER))
    client.force_login(writer)
    assert client.get(reverse("admin:schedule_scheduleentry_add")).status_code == 403


@pytest.mark.parametrize("n", [3, 30])
def test_week_query_count_does_not_grow(client, n, django_assert_max_num_queries):
    leaders = [Leader.objects.create(name=f"Lãnh đạo {i}", title="Ủy viên") for i in range(3)]
    for i in range(n):
        entry(day=timezone.localdate(), content=f"Việc {i}").leaders.set(leaders)
    client.get("/lich-cong-tac/")
    with django_assert_max_num_queries(7):
        assert client.get("/lich-cong-tac/").status_code == 200
