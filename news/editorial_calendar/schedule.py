"""The editorial calendar's data: published and scheduled articles by day, for a month or a week.

One query per page: the articles whose publication time falls in the shown days (local time), with their
category, grouped by local day in Python. Writers see their own articles only (``visible_to``).
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from news.models import Article, Category

Status = Article.Status
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


@dataclass
class Day:
    date: datetime.date
    in_period: bool = True
    entries: list = field(default_factory=list)

    @property
    def is_today(self) -> bool:
        return self.date == timezone.localdate()

    @property
    def weekday_name(self) -> str:
        return WEEKDAYS[self.date.weekday()]


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def articles_between(*, user, first: datetime.date, last: datetime.date, category: Category | None = None):
    """Published and scheduled articles ``user`` sees, with a publication time from ``first`` to ``last``."""
    articles = (
        Article.objects.visible_to(user)
        .filter(status=Status.PUBLISHED, published_at__gte=_start_of(first))
        .filter(published_at__lt=_start_of(last + datetime.timedelta(days=1)))
        .select_related("category")
        .only("id", "title", "slug", "status", "published_at", "created_by_id", "category__name", "category__slug")
        .order_by("published_at", "id")
    )
    if category is not None:
        articles = articles.filter(category_id__in=category.family_ids())
    return articles


def fill(days: list[Day], articles) -> list[Day]:
    """Put each article on its local day (``Article.is_scheduled`` tells those still to come)."""
    by_date = {day.date: day for day in days}
    for article in articles:
        day = by_date.get(timezone.localtime(article.published_at).date())
        if day is not None:
            day.entries.append(article)
    return days


def month_weeks(year: int, month: int, *, user, category=None) -> list[list[Day]]:
    """The month as weeks of 7 days (Monday first), days of the neighbouring months included but marked."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    days = [Day(date=d, in_period=d.month == month) for week in weeks for d in week]
    fill(days, articles_between(user=user, first=days[0].date, last=days[-1].date, category=category))
    return [days[i : i + 7] for i in range(0, len(days), 7)]


def week_days(monday: datetime.date, *, user, category=None) -> list[Day]:
    days = [Day(date=monday + datetime.timedelta(days=i)) for i in range(7)]
    return fill(days, articles_between(user=user, first=days[0].date, last=days[-1].date, category=category))


def may_move(user) -> bool:
    """Editors and administrators move scheduled articles; writers only look."""
    return user.has_perm("news.publish_article")
