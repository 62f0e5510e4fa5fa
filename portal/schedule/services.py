"""The one rule of the schedule's marks: when an entry counts as published, and when as adjusted ("Điều chỉnh")."""

from collections.abc import Iterable

from django.utils import timezone

from .models import ScheduleEntry

# What readers rely on: a change to any of these after publication is announced as an adjustment.
SCHEDULE_FIELDS = frozenset(
    {"day", "start_time", "leaders", "other_leaders", "content", "location", "preparing", "attendees"}
)


def mark_changes(*, entry: ScheduleEntry, was_published: bool, changed: Iterable[str], now=None) -> None:
    """Set ``published_at`` on first publication and ``adjusted_at`` when a published entry changes.

    Called before the entry is saved, with the names of the fields the editor changed (many-to-many included).
    Publishing, unpublishing or fixing nothing readers see is no adjustment.
    """
    now = now or timezone.now()
    if not entry.is_published:
        return
    if entry.published_at is None:
        entry.published_at = now
    if was_published and SCHEDULE_FIELDS.intersection(changed):
        entry.adjusted_at = now
