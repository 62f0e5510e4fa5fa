"""The view counter's writes: each is one SQL statement that adds to what is stored (`UPDATE ... SET n = n + k`,
`INSERT ... ON CONFLICT DO UPDATE`), never a read-modify-write, so concurrent writers cannot lose a view.
"""

import datetime

from django.db import connection

from news.models import Article

from .models import ArticleDailyViews, ArticleViewMark, ViewFlush


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


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


def mark_time(*, article_id: int, visitor: str) -> datetime.datetime | None:
    """When the visitor's mark on the article was counted (a mark another process wrote), or None."""
    return (
        ArticleViewMark.objects.filter(article_id=article_id, visitor=visitor).values_list("counted_at", flat=True)
    ).first()


def add_views(article_id: int, views: int) -> int | None:
    """Add views to the article's stored count; returns the new count (None if there is no such article)."""
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
