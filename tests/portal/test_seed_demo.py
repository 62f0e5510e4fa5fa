import io

import pytest
from django.core.management import call_command

from campaigns.models import Campaign, Theme
from news.models import Article, Category

pytestmark = pytest.mark.django_db


def test_seed_demo_fills_a_lived_in_portal_and_is_safe_to_run_twice():
    for _ in range(2):
        call_command("seed_demo", "--no-images", stdout=io.StringIO())

    published = Article.objects.published()
    assert published.count() >= 60
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    years = {a.published_at.year for a in published}
    assert len(years) >= 5
    assert {"03-CT/TW", "05-CT/TW", "01-KL/TW"} <= set(Campaign.objects.values_list("code", flat=True))
    conclusion = Campaign.objects.get(code="01-KL/TW")
    assert conclusion.continues.code == "05-CT/TW"
    term = Theme.objects.get(campaign=conclusion, year_start=2021)
    assert term.years_label == "2021-2025"
    assert Theme.objects.filter(campaign=conclusion, year_start=2022, scope=Theme.Scope.PROVINCIAL).exists()
    assert Category.objects.filter(slug="hoc-tap-va-lam-theo-bac", parent__isnull=True).exists()
    assert published.filter(themes__isnull=False).exists()
    assert published.filter(tags__isnull=False).distinct().count() >= 50
    assert len(set(published.values_list("view_count", flat=True))) > 30  # varied counts
    assert len(set(published.values_list("author_name", flat=True))) >= 4


def test_demo_articles_have_readable_vietnamese_slugs():
    call_command("seed_demo", "--no-images", stdout=io.StringIO())
    for slug in Article.objects.values_list("slug", flat=True):
        assert slug.isascii()
        assert "--" not in slug
