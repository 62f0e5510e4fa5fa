"""What the view counter stores besides `Article.view_count`: views per article per day, the marks that make a
visitor count once per window, and the ledger of Redis flushes already applied.

Every write here is a single SQL statement that adds to what is stored (`UPDATE ... SET n = n + k`,
`INSERT ... ON CONFLICT DO UPDATE`), never a read-modify-write, so concurrent writers cannot lose a view.
"""

import datetime

from django.db import connection, models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


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
        constraints = [models.UniqueConstraint(fields=["article", "visitor"], name="article_view_mark_unique")]

    def __str__(self):
        return f"{self.article_id} {self.visitor}"


class ViewFlush(models.Model):
    """A batch of buffered views already written to the database: applying the same batch twice is refused."""

    flush_id = models.CharField(max_length=32, unique=True)
    views = models.PositiveBigIntegerField(default=0)
    applied_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần ghi lượt xem")
        verbose_name_plural = _("các lần ghi lượt xem")

    def __str__(self):
        return self.flush_id


def claim_view(*, article_id: int, visitor: str, now: datetime.datetime, window: int) -> bool:
    """Whether this visitor's view counts: no view of theirs was counted within `window` seconds. Atomic."""
    with connection.cursor() as cursor:
        table = _table(ArticleViewMark)
        cursor.execute(
            f"INSERT INTO {table} (article_id, visitor, counted_at) VALUES (%s, %s, %s) "  # noqa: S608
            f"ON CONFLICT (article_id, visitor) DO UPDATE SET counted_at = excluded.counted_at "
            f"WHERE {table}.counted_at <= %s RETURNING id",
            # Adapted as the ORM does, so marks read and pruned through the ORM compare the same way.
            [
                article_id,
                visitor,
                connection.ops.adapt_datetimefield_value(now),
                connection.ops.adapt_datetimefield_value(now - datetime.timedelta(seconds=window)),
            ],
        )
        return cursor.fetchone() is not None


def add_views(article_id: int, views: int) -> int | None:
    """Add views to the article's stored count; returns the new count (None if there is no such article)."""
    from .models import Article

    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table(Article)} SET view_count = view_count + %s WHERE id = %s RETURNING view_count",  # noqa: S608
            [views, article_id],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def add_daily_views(article_id: int, day: datetime.date, views: int) -> None:
    table = _table(ArticleDailyViews)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (article_id, day, views) VALUES (%s, %s, %s) "  # noqa: S608
            f"ON CONFLICT (article_id, day) DO UPDATE SET views = {table}.views + excluded.views",
            [article_id, day, views],
        )


def prune_view_marks(*, now: datetime.datetime, window: int) -> int:
    """Drop marks that can no longer refuse a view, and ledger entries older than 30 days."""
    deleted, _ = ArticleViewMark.objects.filter(counted_at__lt=now - datetime.timedelta(seconds=window)).delete()
    old, _ = ViewFlush.objects.filter(applied_at__lt=now - datetime.timedelta(days=30)).delete()
    return deleted + old


def local_day(now: datetime.datetime) -> datetime.date:
    return timezone.localdate(now)
