"""A database migrated before the counters moved to their apps (visitors, viewcounts) migrates forward intact."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from news.models import Article
from news.viewcounts.models import ArticleDailyViews, ViewFlush
from portal.visitors.models import OnlineVisitor, SiteVisitDay, SiteVisitMark

BEFORE = [("portal", "0008_site_visits"), ("news", "0008_view_counting")]
DAY = datetime.date(2024, 4, 27)


def fill_the_old_tables(apps) -> tuple[int, int]:
    """Rows and a group's grants as the apps held them before the move; returns (article id, group id)."""
    Category = apps.get_model("news", "Category")
    category = Category.objects.create(name="Tin tức", slug="tin-tuc")
    article = apps.get_model("news", "Article").objects.create(
        title="Bài cũ", slug="bai-cu", body="<p>.</p>", status="published", category=category, view_count=9
    )
    apps.get_model("news", "ArticleDailyViews").objects.create(article=article, day=DAY, views=9)
    apps.get_model("news", "ViewFlush").objects.create(flush_id="a" * 32, views=4)
    apps.get_model("portal", "SiteVisitDay").objects.create(day=DAY, visits=42)
    apps.get_model("portal", "SiteVisitMark").objects.create(day=DAY, visitor="b" * 32)
    apps.get_model("portal", "OnlineVisitor").objects.create(
        visitor="b" * 32, seen_at=datetime.datetime.now(datetime.UTC)
    )
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.create(name="Thống kê")
    group.permissions.set(
        [
            Permission.objects.get(content_type__app_label="news", codename="view_articledailyviews"),
            Permission.objects.get(content_type__app_label="portal", codename="view_sitevisitday"),
        ]
    )
    return article.pk, group.pk


@pytest.mark.django_db(transaction=True)
def test_counts_and_grants_made_before_the_move_are_kept():
    executor = MigrationExecutor(connection)
    executor.migrate([*BEFORE, ("visitors", None), ("viewcounts", None)])
    executor.loader.build_graph()
    article_id, group_id = fill_the_old_tables(executor.loader.project_state(BEFORE).apps)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert Article.objects.get(pk=article_id).daily_views.get().views == 9
    assert ViewFlush.objects.get().views == 4
    assert SiteVisitDay.objects.get(day=DAY).visits == 42
    assert SiteVisitMark.objects.count() == OnlineVisitor.objects.count() == 1
    grants = Group.objects.get(pk=group_id).permissions.values_list("content_type__app_label", "codename")
    assert sorted(grants) == [("viewcounts", "view_articledailyviews"), ("visitors", "view_sitevisitday")]
    # The rows keep being counted into: the tables' sequences moved with them.
    assert ArticleDailyViews.objects.create(article_id=article_id, day=DAY + datetime.timedelta(days=1)).pk
