"""``seed_scale`` grows a portal to N published articles, reproducibly, with rows that look saved by an editor."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from campaigns.models import Exemplar, GoodModel
from news import counts
from news.comments.models import Comment
from news.models import Article, MonthlyCount, TaggedArticle
from news.viewcounts.models import ArticleDailyViews
from portal.demo.data import article_slugs

pytestmark = pytest.mark.django_db

UNTIL = datetime.date(2026, 6, 30)


def seed(n: int, *, seed: int = 7, years: int = 12) -> str:
    out = io.StringIO()
    call_command("seed_scale", articles=n, seed=seed, years=years, until=UNTIL, batch=150, stdout=out, verbosity=1)
    return out.getvalue()


def fingerprint() -> list[tuple]:
    """What a reader could tell apart, without database ids (sequences do not roll back)."""
    rows = Article.objects.order_by("published_at", "slug").values_list(
        "slug", "title", "lead", "published_at", "category__slug", "view_count", "status", "author_name"
    )
    tags = sorted(TaggedArticle.objects.values_list("content_object__slug", "tag__name"))
    return [*rows, *tags]


class SeedScaleTests:
    def test_grows_to_n_published_articles_with_everything_around_them(self):
        seed(400)
        assert Article.objects.published().count() == 400
        assert Article.objects.filter(status=Article.Status.DRAFT).exists()
        first, last = (
            Article.objects.published()
            .order_by("published_at")
            .values_list("published_at", flat=True)[:: Article.objects.published().count() - 1]
        )
        assert (last - first).days > 365 * 10
        assert TaggedArticle.objects.count() >= 400
        assert Article.campaigns.through.objects.exists() and Article.themes.through.objects.exists()
        assert ArticleDailyViews.objects.count() >= 400
        assert Comment.objects.filter(status=Comment.Status.APPROVED).exists()

    def test_running_again_adds_only_what_is_missing(self):
        seed(200)
        seed(250)
        assert Article.objects.published().count() == 250
        seed(100)  # already more: nothing added
        assert Article.objects.published().count() == 250

    def test_records_grow_with_the_articles(self):
        seed(1000)
        assert GoodModel.objects.count() >= 2 and Exemplar.objects.count() >= 2

    def test_the_same_seed_gives_the_same_rows(self):
        call_command("seed_demo", "--no-images", stdout=io.StringIO())  # the same starting database each time
        snapshots = []
        for _ in range(2):
            with transaction.atomic():
                seed(300, seed=11)
                snapshots.append(fingerprint())
                transaction.set_rollback(True)
        assert snapshots[0] == snapshots[1]
        with transaction.atomic():
            seed(300, seed=12)
            assert fingerprint() != snapshots[0]
            transaction.set_rollback(True)

    def test_seeded_articles_are_what_a_save_would_store(self):
        """Slug, cleaned body and search columns as ``Article.save()`` computes them, so searches and links work."""
        seed(150)
        for article in Article.objects.published().exclude(slug__in=article_slugs()).order_by("?")[:20]:
            assert article.created_at <= article.published_at <= article.updated_at  # not the day of seeding
            stored = (article.slug, article.body, article.search_folded, article.search_document)
            article.save()
            article.refresh_from_db()
            assert (article.slug, article.body, article.search_folded, article.search_document) == stored

    def test_the_monthly_counts_match_the_articles(self):
        seed(300)
        assert MonthlyCount.objects.exists()
        assert counts.published_count() == 300
        stored = {(row["month"], row["count"]) for row in counts.archive_months()}
        assert stored == {(row["month"].date(), row["count"]) for row in Article.objects.published().month_counts()}

    def test_seeded_articles_are_on_the_public_pages(self, client):
        seed(200)
        newest = Article.objects.published().order_by("-published_at", "-id").first()
        assert newest.title in client.get("/tin-moi/").content.decode()
        assert client.get(newest.get_absolute_url()).status_code == 200
        page = client.get(newest.category.get_absolute_url())
        assert newest.title in page.content.decode()
        month = f"/luu-tru/{UNTIL.year}/{UNTIL.month:02d}/"
        assert newest.title in client.get(month).content.decode()
        assert client.get("/tim-kiem/?q=hoc+tap").status_code == 200
