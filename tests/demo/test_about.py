"""The demo of the introduction page and the work schedule: made once, this week filled, people's edits kept."""

import pytest
from django.utils import timezone

from portal.about.models import Introduction, Leader, OrgUnit
from portal.demo.about import seed
from portal.demo.data import Seeding, load
from portal.schedule.models import ScheduleEntry, week_start

pytestmark = pytest.mark.django_db


def test_about_demo_runs_twice_without_duplicates_and_fills_this_week(client):
    for _ in range(2):
        seed(Seeding(with_files=False))
    data = load("about")
    assert Introduction.objects.count() == 1
    assert sorted(OrgUnit.objects.values_list("name", flat=True)) == sorted(u["name"] for u in data["org_units"])
    assert list(Leader.objects.values_list("name", flat=True)) == [leader["name"] for leader in data["leaders"]]
    assert ScheduleEntry.objects.count() == len(data["schedule"])
    monday = week_start(timezone.localdate())
    this_week = ScheduleEntry.objects.published().in_week(monday)
    assert this_week.exists() and this_week.filter(adjusted_at__isnull=False).exists()
    assert "Điều chỉnh" in client.get("/lich-cong-tac/").content.decode()


def test_about_demo_leaves_an_introduction_people_wrote_alone():
    Introduction.objects.create(summary="Do quản trị viên viết.")
    seed(Seeding(with_files=False))
    assert list(Introduction.objects.values_list("summary", flat=True)) == ["Do quản trị viên viết."]
