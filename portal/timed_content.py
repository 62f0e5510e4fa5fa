"""When public pages change by the clock alone, with no save to announce it (for the page cache, portal/pagecache).

Each function answers the next such moment, or None. An app that shows rows from a time on (or until a time)
adds its function here and to `register`.
"""

import datetime

from django.db.models import Min, Q
from django.utils import timezone

from news.models import Article
from portal.maintenance.models import Maintenance
from portal.pagecache.store import register_timed_source
from portal.polls.models import Poll


def next_publication() -> datetime.datetime | None:
    """A scheduled article's time: it joins the home page, its category, the feeds..."""
    return Article.objects.scheduled().aggregate(due=Min("published_at"))["due"]


def next_featured_end() -> datetime.datetime | None:
    """A featured story's "featured until": the home page's lead changes."""
    return Article.objects.featured().aggregate(due=Min("featured_until"))["due"]


def next_poll_change() -> datetime.datetime | None:
    """A poll opening or closing changes the sidebar's poll box."""
    now = timezone.now()
    moments = Poll.objects.visible().aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)), closes=Min("closes_at", filter=Q(closes_at__gt=now))
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)


def next_maintenance_change() -> datetime.datetime | None:
    """A planned downtime starting (the banner says "đang bảo trì") or ending (the banner goes). Its notice
    appearing, 7 working days before, happens at a midnight, which ``next_midnight`` covers."""
    now = timezone.now()
    moments = Maintenance.objects.upcoming(now).aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)), ends=Min("ends_at")
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)


def next_midnight() -> datetime.datetime:
    """Dates shown relative to today, this year's themes, today's visits: a new day may change them."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


def register() -> None:
    for source in (next_publication, next_featured_end, next_poll_change, next_maintenance_change, next_midnight):
        register_timed_source(source)
