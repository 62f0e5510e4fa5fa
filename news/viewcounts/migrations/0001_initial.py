import django.db.models.deletion
from django.db import migrations, models

from portal.model_moves import move_content_types


class Migration(migrations.Migration):
    """The view counter's models move from the news app; their tables stay (db_table), only the state moves."""

    initial = True

    dependencies = [
        ("news", "0008_view_counting"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ViewFlush",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("flush_id", models.CharField(max_length=32, unique=True)),
                        ("views", models.PositiveBigIntegerField(default=0)),
                        ("applied_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "verbose_name": "lần ghi lượt xem",
                        "verbose_name_plural": "các lần ghi lượt xem",
                        "db_table": "news_viewflush",
                    },
                ),
                migrations.CreateModel(
                    name="ArticleDailyViews",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("day", models.DateField(verbose_name="ngày")),
                        ("views", models.PositiveIntegerField(default=0, verbose_name="lượt xem")),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="daily_views",
                                to="news.article",
                                verbose_name="bài viết",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "lượt xem trong ngày",
                        "verbose_name_plural": "lượt xem theo ngày",
                        "db_table": "news_articledailyviews",
                        "ordering": ["-day"],
                        "indexes": [models.Index(fields=["day", "article"], name="article_daily_views_day_idx")],
                        "constraints": [
                            models.UniqueConstraint(fields=("article", "day"), name="article_daily_views_unique")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ArticleViewMark",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("visitor", models.CharField(max_length=32)),
                        ("counted_at", models.DateTimeField(db_index=True)),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="news.article"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "news_articleviewmark",
                        "constraints": [
                            models.UniqueConstraint(fields=("article", "visitor"), name="article_view_mark_unique")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_types("news", "viewcounts", ["articledailyviews", "articleviewmark", "viewflush"]),
    ]
