"""The sitemap index at /sitemap.xml: its pages together list every published article and every public page."""

import io
import math

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import Article, SitemapPage
from tests.factories import make_article
from tests.sitemaps import sitemap_locations, sitemap_pages

pytestmark = pytest.mark.django_db


def article_paths(client) -> list[str]:
    return [path for path in sitemap_locations(client) if path.startswith("/bai-viet/")]


def published_paths() -> list[str]:
    return sorted(a.get_absolute_url() for a in Article.objects.published())


class SitemapIndexTests:
    def test_the_pages_together_list_every_published_article_once(self, client, settings):
        settings.SITEMAP_PAGE_SIZE = 7
        for _ in range(30):
            make_article()
        draft = make_article(status=Article.Status.DRAFT)
        scheduled = make_article(published_at=timezone.now() + timezone.timedelta(days=1))
        paths = article_paths(client)
        assert sorted(paths) == published_paths()  # all of them, each once, and nothing unpublished
        assert draft.get_absolute_url() not in paths and scheduled.get_absolute_url() not in paths
        pages = [page for page in sitemap_pages(client) if page.startswith("/sitemap-articles.xml")]
        assert len(pages) <= math.ceil(30 / 7) + 1  # ranges of 7 ids: 30 consecutive ids touch at most 6

    def test_no_page_is_larger_than_the_page_size_and_pages_not_listed_are_404(self, client, settings):
        settings.SITEMAP_PAGE_SIZE = 4
        for _ in range(9):
            make_article()
        listed = [page for page in sitemap_pages(client) if page.startswith("/sitemap-articles.xml")]
        for page in listed:
            assert client.get(page).content.decode().count("<url>") <= 4
        last = SitemapPage.objects.order_by("number").last().number
        assert f"/sitemap-articles.xml?p={last}" in listed or last == 1
        for bad in (last + 1, 0, "abc", "1e3", "99999999999999999999", "-1", "²"):
            assert client.get("/sitemap-articles.xml", {"p": bad}).status_code == 404, bad
        assert client.get("/sitemap-nothing.xml").status_code == 404

    def test_every_public_list_page_is_listed(self, client):
        make_article()
        paths = set(sitemap_locations(client))
        for name in ("home", "news:latest", "news:archive", "campaigns:campaign-list", "campaigns:document-list"):
            assert reverse(name) in paths

    def test_the_index_costs_a_bounded_number_of_queries(self, client, settings, django_assert_max_num_queries):
        settings.SITEMAP_PAGE_SIZE = 3
        for _ in range(20):
            make_article()
        client.get("/sitemap.xml")  # writes the articles' pages once (see news.sitemap_pages)
        with django_assert_max_num_queries(25):  # a count and a date per section, whatever the number of articles
            assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.slow
@pytest.mark.postgres("tens of thousands of rows seeded in bulk, the real page size")
def test_more_articles_than_one_page_are_all_listed(client):
    call_command("seed_scale", articles=12_500, seed=3, stdout=io.StringIO(), verbosity=0)
    pages = [page for page in sitemap_pages(client) if page.startswith("/sitemap-articles.xml")]
    assert 2 <= len(pages) <= 3  # ranges of 10,000 ids by default
    for page in pages:
        assert client.get(page).content.count(b"<url>") <= 10_000
    assert sorted(article_paths(client)) == published_paths()
