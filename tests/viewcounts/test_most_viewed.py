"""'Xem nhiều nhất' over 7 days, 30 days and all time, from the daily figures."""

import datetime

import pytest
from django.utils import timezone

from news.models import Article
from news.viewcounts.models import ArticleDailyViews, most_viewed_in
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def daily(article, days_ago: int, views: int):
    ArticleDailyViews.objects.create(
        article=article, day=timezone.localdate() - datetime.timedelta(days=days_ago), views=views
    )


@pytest.fixture
def articles():
    old_favourite = make_article("Bài cũ được đọc nhiều", view_count=5000)
    month = make_article("Bài nổi bật trong tháng", view_count=300)
    week = make_article("Bài nổi bật trong tuần", view_count=100)
    daily(old_favourite, 45, 4000)
    daily(month, 20, 250)
    daily(week, 2, 60)
    daily(week, 0, 30)
    daily(month, 6, 10)
    return old_favourite, month, week


def test_periods_rank_by_the_views_inside_them(articles):
    old_favourite, month, week = articles
    seven = list(most_viewed_in(Article.objects.all(), 7))
    assert [(a.pk, a.period_views) for a in seven] == [(week.pk, 90), (month.pk, 10)]
    assert [a.pk for a in most_viewed_in(Article.objects.all(), 30)] == [month.pk, week.pk]
    assert [a.pk for a in Article.objects.most_viewed()] == [old_favourite.pk, month.pk, week.pk]


def test_unpublished_articles_never_show(articles):
    _, _, week = articles
    week.status = Article.Status.DRAFT
    week.save()
    assert week not in most_viewed_in(Article.objects.all(), 7)


def test_home_page_shows_the_three_periods(client, articles, django_assert_max_num_queries):
    html = client.get("/").content.decode()
    for label in ("Xem nhiều nhất", "7 ngày", "30 ngày", "Tất cả"):
        assert label in html
    box = html[html.index("most-viewed") :]
    seven = box[box.index('id="xem-nhieu-all-7"') : box.index('id="xem-nhieu-all-30"')]
    assert "Bài nổi bật trong tuần" in seven
    assert "Bài cũ được đọc nhiều" not in seven
    assert "Lượt xem: 90" in seven
    with django_assert_max_num_queries(10):
        client.get("/")


def test_a_category_page_ranks_its_own_articles(client, articles):
    category = make_category("Gương điển hình")
    own = make_article("Gương sáng trong chuyên mục", category=category, view_count=3)
    daily(own, 1, 3)
    html = client.get(category.get_absolute_url()).content.decode()
    box = html[html.index("most-viewed") :]
    assert "Gương sáng trong chuyên mục" in box
    assert "Bài nổi bật trong tuần" not in box


def test_an_article_withdrawn_through_the_workflow_leaves_the_cached_box_at_once(
    articles, editor, django_capture_on_commit_callbacks
):
    from news.services import withdraw_article
    from news.viewcounts.templatetags.viewcounts_tags import most_viewed_box

    def shown():
        return {a.pk for _key, _label, rows in most_viewed_box()["periods"] for a, _views in rows}

    _, _, week = articles
    assert week.pk in shown()  # now cached for five minutes
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_article(article=week, by=editor, reason="Sai số liệu")
    assert week.pk not in shown()
