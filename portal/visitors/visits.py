"""Site-wide counters: "Số lượt truy cập" (one visit per visitor per day) and "đang online" (last 5 minutes).

Written by `middleware.VisitorMiddleware` at most once per visitor per day (visits) and once per minute (online),
whatever the number of pages the visitor opens; read through the cache, so showing them on every page costs no
query while the cache is warm. When the cache is Redis, who is online lives there (`online`), and so do the visits
until `flush_views` writes them (`visit_buffer`); otherwise, and while Redis is away, the database keeps both.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from . import online, visit_buffer
from .hints import recent, remember_once_committed
from .models import OnlineVisitor, SiteVisitDay, SiteVisitMark

ONLINE_WINDOW = online.ONLINE_WINDOW
ONLINE_REFRESH = 60  # seconds: a visitor's "last seen" is written at most this often
COUNTERS_CACHE_KEY = "portal:site-counters"
COUNTERS_CACHE_SECONDS = 30


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def record_site_visit(*, visitor: str, now: datetime.datetime) -> bool:
    """Note that a visitor opened a page; returns whether this was the visitor's first visit of the day."""
    day = timezone.localdate(now)
    stamp = now.timestamp()
    day_key, online_key = ("visit", day, visitor), ("online", visitor)
    if not recent.seen(online_key, stamp) and online.mark(visitor=visitor, now=now):
        remember_once_committed(online_key, stamp + ONLINE_REFRESH)  # written where it stays: Redis
    new_visit = False
    if not recent.seen(day_key, stamp):
        day_ends = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))
        outcome = visit_buffer.record(visitor=visitor, day=day, day_ends=day_ends)
        # None: no Redis, so the database keeps the mark and the figure.
        new_visit = _count_visit(day=day, visitor=visitor) if outcome is None else outcome == visit_buffer.COUNTED
        if outcome != visit_buffer.UNKNOWN:
            remember_once_committed(day_key, day_ends.timestamp())
    if not recent.seen(online_key, stamp):  # no Redis: "last seen" in the database
        OnlineVisitor.objects.bulk_create(
            [OnlineVisitor(visitor=visitor, seen_at=now)],
            update_conflicts=True,
            unique_fields=["visitor"],
            update_fields=["seen_at"],
        )
        remember_once_committed(online_key, stamp + ONLINE_REFRESH)
    return new_visit


def _count_visit(*, day: datetime.date, visitor: str) -> bool:
    """The visitor's mark for the day and, if it is new, one more visit for the day: atomic, so two workers
    never count the same visitor twice. On PostgreSQL one statement (a new reader's page costs one round trip,
    not four); elsewhere a transaction of two."""
    mark = (
        f"INSERT INTO {_table(SiteVisitMark)} (day, visitor) VALUES (%s, %s) "  # noqa: S608
        "ON CONFLICT (day, visitor) DO NOTHING RETURNING id"
    )
    add = (
        f"ON CONFLICT (day) DO UPDATE SET visits = {_table(SiteVisitDay)}.visits + 1"  # as add_visits, in one statement
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"WITH mark AS ({mark}) INSERT INTO {_table(SiteVisitDay)} (day, visits) "  # noqa: S608
                f"SELECT %s, 1 FROM mark {add} RETURNING visits",
                [day, visitor, day],
            )
            return cursor.fetchone() is not None
        with transaction.atomic():
            cursor.execute(mark, [day, visitor])
            if cursor.fetchone() is None:
                return False
            add_visits(day, 1)
            return True


def add_visits(day: datetime.date, n: int) -> None:
    """``n`` more visits on ``day`` (an upsert: concurrent writers add up)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_table(SiteVisitDay)} (day, visits) VALUES (%s, %s) "  # noqa: S608
            f"ON CONFLICT (day) DO UPDATE SET visits = {_table(SiteVisitDay)}.visits + EXCLUDED.visits",
            [day, n],
        )


def flush_visits() -> int:
    """Move the visits waiting in Redis to the database (``flush_views`` calls it); returns how many."""
    return visit_buffer.flush(add_visits)


def site_counters() -> dict:
    """{"visits": all visits ever (plus SITE_VISITS_OFFSET), "online": visitors of the last 5 minutes}, cached."""
    counters = cache.get(COUNTERS_CACHE_KEY)
    if counters is None:
        now = timezone.now()
        total = (SiteVisitDay.objects.aggregate(total=Sum("visits"))["total"] or 0) + visit_buffer.pending_visits()
        seen = online.count(now=now)
        if seen is None:
            seen = OnlineVisitor.objects.filter(seen_at__gte=now - ONLINE_WINDOW).count()
        counters = {
            "visits": total + settings.SITE_VISITS_OFFSET,
            # The reader looking at the page is online, even before their first visit is written.
            "online": max(1, seen),
        }
        cache.set(COUNTERS_CACHE_KEY, counters, COUNTERS_CACHE_SECONDS)
    return counters


def prune_site_marks(*, now: datetime.datetime) -> int:
    """Drop day marks of past days and visitors not seen for a day; returns how many rows went."""
    today = timezone.localdate(now)
    deleted, _ = SiteVisitMark.objects.filter(day__lt=today).delete()
    gone, _ = OnlineVisitor.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).delete()
    return deleted + gone
