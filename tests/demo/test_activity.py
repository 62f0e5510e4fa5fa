"""The demo's readership and editors' links: figures for the demo's own articles only, the same on a second run."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Theme
from news.comments.models import Comment
from news.models import Article
from news.viewcounts.models import ArticleDailyViews, most_viewed_in
from portal.demo.data import article_slugs, load
from portal.visitors.models import SiteVisitDay
from portal.visitors.visits import site_counters
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def figures() -> list:
    return [
        sorted(ArticleDailyViews.objects.values_list("article__slug", "day", "views")),
        sorted(SiteVisitDay.objects.values_list("day", "visits")),
        sorted(Article.objects.values_list("slug", "view_count")),
        sorted(Comment.objects.values_list("article__slug", "name", "text", "created_at")),
    ]


def test_readership_fills_the_most_viewed_tabs_and_the_visit_counter_and_a_second_run_adds_nothing(client, seed_demo):
    seed_demo()
    first = figures()
    seed_demo()
    assert figures() == first

    days = load("activity")["days"]
    today = timezone.localdate()
    assert set(SiteVisitDay.objects.values_list("day", flat=True)) == {
        today - datetime.timedelta(days=n) for n in range(days)
    }
    assert site_counters()["visits"] >= sum(SiteVisitDay.objects.values_list("visits", flat=True))
    read = Article.objects.filter(daily_views__isnull=False).distinct()
    newest = Article.objects.published().order_by("-published_at", "-id")[: load("activity")["read_articles"]]
    assert set(read) == set(newest)
    for article in read:
        assert article.view_count >= sum(article.daily_views.values_list("views", flat=True))
    assert most_viewed_in(Article.objects.all(), 7).exists() and most_viewed_in(Article.objects.all(), 30).exists()

    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Chưa có lượt xem" not in response.content.decode()


def test_readership_is_invented_only_for_the_demos_own_articles(seed_demo):
    mine = make_article("Bài của biên tập viên, mới nhất", published_at=timezone.now())
    seed_demo()
    assert not mine.daily_views.exists()
    assert ArticleDailyViews.objects.exclude(article__slug__in=article_slugs()).count() == 0
    assert not mine.comments.exists() and not mine.related_links.exists()


def test_readers_comments_are_approved_and_dated_after_the_article(seed_demo):
    seed_demo()
    for entry in load("activity")["comments"]:
        article = Article.objects.get(slug=entry["article"])
        comments = article.comments.filter(status=Comment.Status.APPROVED)
        assert sorted(comments.values_list("name", flat=True)) == sorted(c["name"] for c in entry["comments"])
        assert all(article.published_at < c.created_at <= timezone.now() for c in comments)


def test_the_current_theme_has_articles_and_the_records_that_answer_it(seed_demo):
    seed_demo()
    current = Theme.objects.get(campaign__code="01-KL/TW", year_start=2026, scope=Theme.Scope.DEPARTMENT)
    [declared] = [entry for entry in load("activity")["theme_records"] if entry["theme"] == "01-2026-so"]
    assert current.articles.exists()
    assert set(declared["good_models"]) <= set(current.good_models.values_list("slug", flat=True))
    assert set(declared["exemplars"]) <= set(current.exemplars.values_list("slug", flat=True))
