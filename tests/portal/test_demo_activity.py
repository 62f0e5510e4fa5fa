import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Theme
from news.comments.models import Comment
from news.models import Article, RelatedArticle
from news.viewcounts import ArticleDailyViews
from portal.visits import SiteVisitDay, site_counters

pytestmark = pytest.mark.django_db


def _figures():
    return (
        ArticleDailyViews.objects.count(),
        sum(ArticleDailyViews.objects.values_list("views", flat=True)),
        SiteVisitDay.objects.count(),
        sum(SiteVisitDay.objects.values_list("visits", flat=True)),
        RelatedArticle.objects.count(),
        Article.objects.filter(good_models__isnull=False).count(),
        Article.objects.filter(exemplars__isnull=False).count(),
        Article.objects.filter(awards__isnull=False).count(),
        sum(Article.objects.values_list("view_count", flat=True)),
        Comment.objects.count(),
    )


def test_demo_readership_fills_most_viewed_tabs_and_visit_counter_and_is_safe_to_run_twice(client):
    call_command("seed_demo", "--no-images", stdout=io.StringIO())
    first = _figures()
    call_command("seed_demo", "--no-images", stdout=io.StringIO())
    assert _figures() == first  # nothing added, nothing doubled

    daily_rows, daily_views, visit_days, visits, *_ = first
    assert daily_rows > 100 and daily_views > 1000
    assert visit_days >= 40 and visits > 10000
    assert site_counters()["visits"] >= visits
    assert Article.objects.most_viewed_in(7).count() >= 5
    assert Article.objects.most_viewed_in(30).count() >= 5
    for article in Article.objects.filter(daily_views__isnull=False).distinct():
        assert article.view_count >= sum(article.daily_views.values_list("views", flat=True))

    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Chưa có lượt xem" not in response.content.decode()


def test_demo_articles_have_pinned_related_news_links_to_records_and_a_current_theme():
    call_command("seed_demo", "--no-images", stdout=io.StringIO())
    assert RelatedArticle.objects.values("article").distinct().count() >= 4
    for title in ("Nụ cười tiếp dân", "Lê Hoàng Phúc"):
        article = Article.objects.published().filter(title__icontains=title).order_by("-published_at").first()
        assert article.related_links.exists()
    reported = Article.objects.published().filter(title__icontains="Nụ cười tiếp dân").order_by("-published_at")[0]
    assert reported.awards.exists() and reported.good_models.exists()
    assert reported.comments.filter(status=Comment.Status.APPROVED).exists()
    assert Article.objects.filter(good_models__isnull=False).exists()
    assert Article.objects.filter(exemplars__isnull=False).exists()
    current = Theme.objects.filter(campaign__code="01-KL/TW", year_start=2026, scope=Theme.Scope.DEPARTMENT)
    assert current.get().articles.exists()
    assert current.get().good_models.exists() and current.get().exemplars.exists()
