"""Demo content of the introduction page and the work schedule, from ``data/about.json``.

The introduction is written only where none exists; org units and leaders are found by name; schedule entries
by their day and content, placed in this week and the next so that the schedule page always has something.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from portal.demo.data import Seeding, load
from portal.demo.images import portrait_png
from portal.demo.tables import Introduction, Leader, OrgUnit, ScheduleEntry, Unit


def seed_introduction(seeding: Seeding, entry: dict) -> None:
    if not Introduction.objects.exists():
        seeding.note(Introduction.objects.create(**entry), "introduction")


def seed_org_units(seeding: Seeding, entries: list[dict]) -> None:
    by_name: dict[str, OrgUnit] = {}
    for position, entry in enumerate(entries):
        parent = by_name.get(entry["parent"]) if entry["parent"] else None
        by_name[entry["name"]] = seeding.get_or_create(
            OrgUnit,
            entry["name"],
            name=entry["name"],
            parent=parent,
            defaults={
                "description": entry["description"],
                "position": position,
                "unit": Unit.objects.filter(name=entry["name"]).first(),
            },
        )


def seed_leaders(seeding: Seeding, entries: list[dict]) -> None:
    for position, entry in enumerate(entries):
        if Leader.objects.filter(name=entry["name"]).exists():
            continue
        leader = Leader(**entry, position=position)
        if seeding.with_files:
            initials = "".join(word[0] for word in entry["name"].split()[-2:])
            leader.photo.save(f"lanh-dao-{position + 1}.png", ContentFile(portrait_png(initials, position)), save=False)
        leader.save()
        seeding.note(leader, entry["name"])


def seed_schedule(seeding: Seeding, entries: list[dict]) -> int:
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    published_at = timezone.now() - datetime.timedelta(days=today.weekday() + 3)
    made = 0
    for entry in entries:
        day = monday + datetime.timedelta(days=entry["weekday"])
        if ScheduleEntry.objects.filter(day=day, content=entry["content"]).exists():
            continue
        row = ScheduleEntry.objects.create(
            day=day,
            start_time=datetime.time.fromisoformat(entry["time"]) if entry["time"] else None,
            content=entry["content"],
            location=entry["location"],
            preparing=entry["preparing"],
            attendees=entry["attendees"],
            is_published=True,
            published_at=published_at,
            adjusted_at=published_at + datetime.timedelta(days=1, hours=2) if entry.get("adjusted") else None,
        )
        row.leaders.set(Leader.objects.filter(name__in=entry["leaders"]))
        seeding.note(row, f"{day}:{entry['content']}")
        made += 1
    return made


@transaction.atomic
def seed(seeding: Seeding) -> str:
    data = load("about")
    seed_introduction(seeding, data["introduction"])
    seed_org_units(seeding, data["org_units"])
    seed_leaders(seeding, data["leaders"])
    made = seed_schedule(seeding, data["schedule"])
    return f"Dữ liệu mẫu giới thiệu: cơ cấu tổ chức, lãnh đạo; {made} mục lịch công tác mới."
