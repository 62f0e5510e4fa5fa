"""Published articles per category and month, kept in ``MonthlyCount`` as articles change.

The archive ("Lưu trữ"), the page counts of the latest, category and month lists, and the sitemaps read these
rows (a few per category and month: hundreds for ten years) instead of counting or grouping 100,000 articles.

The rows count articles whose status is "published", scheduled ones included (a scheduled article becomes public
with no write to announce it); readers' figures subtract the scheduled ones, which are few and known through
``news.related``'s cached time of the next publication (no query at all when none is scheduled).

Kept by: ``news.signals`` (every save and deletion of an article: the month and category it left and the one it
entered), the newsroom's transitions (``news.services``, which write with ``update()``), and ``rebuild()`` after
bulk writes (``seed_scale``, the migration that created the table).
"""

import datetime

from django.db import transaction
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

Key = tuple[int, datetime.date]


def month_of(moment: datetime.datetime) -> datetime.date:
    """The first day of the moment's month, in the portal's time zone."""
    return timezone.localtime(moment).date().replace(day=1)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime(month.year, month.month, 1))
    end = timezone.make_aware(datetime.datetime(month.year + month.month // 12, month.month % 12 + 1, 1))
    return start, end


def key_of(category_id, status, published_at) -> Key | None:
    """Which row counts an article in this state, or None when it counts nowhere (not published)."""
    from .models import Article

    if status != Article.Status.PUBLISHED or published_at is None or category_id is None:
        return None
    return category_id, month_of(published_at)


def refresh(keys) -> None:
    """Count again the articles of each (category, month) and store it: one small indexed count per key.

    Called inside the writer's transaction, after its write, so the count sees it (and a rollback undoes both)."""
    from .models import Article, MonthlyCount

    for key in {k for k in keys if k is not None}:
        category_id, month = key
        start, end = month_bounds(month)
        figures = Article.objects.filter(
            status=Article.Status.PUBLISHED, category_id=category_id, published_at__gte=start, published_at__lt=end
        ).aggregate(n=Count("pk"), last=Max("updated_at"))
        if figures["n"]:
            MonthlyCount.objects.update_or_create(
                category_id=category_id, month=month, defaults={"count": figures["n"], "last_change": figures["last"]}
            )
        else:
            MonthlyCount.objects.filter(category_id=category_id, month=month).delete()


def rebuild() -> int:
    """Every row again from the articles (after bulk writes, which send no signals); returns the row count."""
    from .models import Article, MonthlyCount

    rows = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__isnull=False)
        .annotate(month=TruncMonth("published_at"))
        .values("category_id", "month")
        .annotate(n=Count("pk"), last=Max("updated_at"))
        .order_by()
    )
    with transaction.atomic():
        MonthlyCount.objects.all().delete()
        MonthlyCount.objects.bulk_create(
            MonthlyCount(
                category_id=row["category_id"], month=_as_date(row["month"]), count=row["n"], last_change=row["last"]
            )
            for row in rows
        )
    return MonthlyCount.objects.count()


def _as_date(value) -> datetime.date:
    return timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value


def _scheduled(category_ids=None, month: datetime.date | None = None) -> list[Key]:
    """The keys of scheduled articles (published status, time to come): none, and no query, when none exists."""
    from .models import Article
    from .related import NO_SCHEDULED, next_publication

    if next_publication() == NO_SCHEDULED:
        return []
    rows = Article.objects.scheduled().values_list("category_id", "published_at")
    keys = [(category_id, month_of(moment)) for category_id, moment in rows]
    return [(c, m) for c, m in keys if (category_ids is None or c in category_ids) and (month is None or m == month)]


def published_count(*, category_ids=None, month: datetime.date | None = None) -> int:
    """How many articles readers see, in these categories and/or this month: one sum over the stored rows."""
    from .models import MonthlyCount

    condition = Q()
    if category_ids is not None:
        condition &= Q(category_id__in=category_ids)
    if month is not None:
        condition &= Q(month=month)
    total = MonthlyCount.objects.filter(condition).aggregate(n=Sum("count"))["n"] or 0
    return max(0, total - len(_scheduled(category_ids, month)))


def archive_months() -> list[dict]:
    """``{"month": date, "count": n, "last_change": time}`` per month with articles readers see, newest first."""
    from .models import MonthlyCount

    rows = MonthlyCount.objects.values("month").annotate(n=Sum("count"), last=Max("last_change")).order_by("-month")
    scheduled: dict[datetime.date, int] = {}
    for _category, month in _scheduled():
        scheduled[month] = scheduled.get(month, 0) + 1
    months = []
    for row in rows:
        count = row["n"] - scheduled.get(row["month"], 0)
        if count > 0:
            months.append({"month": row["month"], "count": count, "last_change": row["last"]})
    return months
