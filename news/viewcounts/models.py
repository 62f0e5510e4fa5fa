"""What the view counter stores besides `Article.view_count`: views per article per day, the marks that make a
visitor count once per window, the ledger of Redis flushes already applied, and views waiting to be replayed
(`buffer`). Written by `counters`.
"""

import datetime

from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ArticleDailyViewsQuerySet(models.QuerySet):
    def between(self, first: datetime.date, last: datetime.date):
        return self.filter(day__gte=first, day__lte=last)

    def per_day(self) -> dict[datetime.date, int]:
        """{day: views}, summed over whatever articles the queryset holds, in one query."""
        rows = self.order_by().values("day").annotate(total=Sum("views")).values_list("day", "total")
        return dict(rows)


class ArticleDailyViews(models.Model):
    """Views of one article on one day (local time), kept so lists can rank the last 7 or 30 days."""

    article = models.ForeignKey("news.Article", models.CASCADE, related_name="daily_views", verbose_name=_("bài viết"))
    day = models.DateField(_("ngày"))
    views = models.PositiveIntegerField(_("lượt xem"), default=0)

    objects = ArticleDailyViewsQuerySet.as_manager()

    class Meta:
        db_table = "news_articledailyviews"  # the table it had in the news app
        ordering = ["-day"]
        verbose_name = _("lượt xem trong ngày")
        verbose_name_plural = _("lượt xem theo ngày")
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="article_daily_views_unique")]
        indexes = [models.Index(fields=["day", "article"], name="article_daily_views_day_idx")]

    def __str__(self):
        return f"{self.article_id} {self.day:%d/%m/%Y}: {self.views}"


class ArticleViewMark(models.Model):
    """The last time a visitor's view of an article was counted; marks older than the window are pruned."""

    article = models.ForeignKey("news.Article", models.CASCADE, related_name="+")
    visitor = models.CharField(max_length=32)
    counted_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "news_articleviewmark"
        constraints = [models.UniqueConstraint(fields=["article", "visitor"], name="article_view_mark_unique")]

    def __str__(self):
        return f"{self.article_id} {self.visitor}"


class ViewFlush(models.Model):
    """A batch of buffered views already written to the database: applying the same batch twice is refused."""

    flush_id = models.CharField(max_length=32, unique=True)
    views = models.PositiveBigIntegerField(default=0)
    applied_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "news_viewflush"
        verbose_name = _("lần ghi lượt xem")
        verbose_name_plural = _("các lần ghi lượt xem")

    def __str__(self):
        return self.flush_id


class DeferredView(models.Model):
    """A view whose Redis script may or may not have run (the reply never came): replayed by the next flush.

    The token makes the replay idempotent: the script records it in Redis, so a view that did run is not counted
    again (see `buffer`).
    """

    token = models.CharField(max_length=32, unique=True)
    article_id = models.BigIntegerField()
    visitor = models.CharField(max_length=32)
    day = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "news_deferredview"
        verbose_name = _("lượt xem chờ đối chiếu")
        verbose_name_plural = _("các lượt xem chờ đối chiếu")

    def __str__(self):
        return f"{self.article_id} {self.visitor}"


def with_period_views(articles, first: datetime.date, last: datetime.date):
    """``articles`` viewed between ``first`` and ``last`` (both included), annotated with ``period_views``."""
    return articles.filter(daily_views__day__gte=first, daily_views__day__lte=last).annotate(
        period_views=Sum("daily_views__views")
    )


def most_viewed_in(articles, days: int):
    """The published of `articles` most viewed over the last `days` days, today included (`period_views`)."""
    today = timezone.localdate()
    since = today - datetime.timedelta(days=days - 1)
    return with_period_views(articles.published().for_listing(), since, today).order_by(
        "-period_views", "-published_at", "-id"
    )
