"""The articles' sitemap pages are written once and kept (news.sitemap_pages): a request reads one row, a change
to an article writes its own page again, and nothing a reader may see is ever missing from them."""

import datetime
import gzip
import io

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import services, sitemap_pages
from news.models import Article, SitemapPage
from tests.factories import make_article
from tests.sitemaps import sitemap_locations

pytestmark = pytest.mark.django_db

PAGE = "/sitemap-articles.xml"


def page_url(article) -> str:
    number = sitemap_pages.page_of(article.pk, sitemap_pages.page_size())
    return PAGE if number == 1 else f"{PAGE}?p={number}"


def built() -> dict[int, int]:
    return dict(SitemapPage.objects.values_list("number", "built_generation"))


@pytest.fixture
def three_pages(settings):
    """Nine published articles in pages of three ids, every page written once."""
    settings.SITEMAP_PAGE_SIZE = 3
    articles = [make_article() for _ in range(9)]
    return articles


def listed_articles(client) -> list[str]:
    return sorted(path for path in sitemap_locations(client) if path.startswith("/bai-viet/"))


def write_all(client) -> None:
    sitemap_locations(client)  # reads the index and every page it lists


def test_a_written_page_is_read_back_without_touching_the_articles(client, three_pages):
    url = page_url(three_pages[4])
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    article_table = Article._meta.db_table
    assert not [q["sql"] for q in queries if article_table in q["sql"]]
    assert len(queries) <= 3


def test_the_stored_gzip_goes_to_clients_that_take_it_and_plain_xml_to_the_others(client, three_pages):
    url = page_url(three_pages[0])
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert not plain.has_header("Content-Encoding")
    assert gzip.decompress(packed.content) == plain.content
    assert plain.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert three_pages[0].slug.encode() in plain.content


def test_the_page_cache_keeps_no_copy_of_a_stored_page(client, three_pages, settings):
    settings.PAGE_CACHE_SECONDS = 60
    url = page_url(three_pages[0])
    client.get(url)
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip").get("X-Page-Cache") is None
    assert not client.get(url).has_header("Content-Encoding")  # a plain client never gets the gzip


def test_withdrawing_an_article_writes_its_own_page_again_and_no_other(client, three_pages, editor):
    write_all(client)
    before = built()
    victim = three_pages[4]
    services.withdraw_article(article=victim, by=editor, reason="Sai số liệu")
    write_all(client)
    assert victim.get_absolute_url() not in sitemap_locations(client)
    after = built()
    mine = sitemap_pages.page_of(victim.pk, 3)
    assert after[mine] > before[mine]
    assert {n: g for n, g in after.items() if n != mine} == {n: g for n, g in before.items() if n != mine}


def test_publishing_and_editing_an_article_reach_its_page(client, settings, editor):
    settings.SITEMAP_PAGE_SIZE = 3
    kept = [make_article() for _ in range(2)]
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    write_all(client)
    assert draft.get_absolute_url() not in sitemap_locations(client)
    services.publish_article(article=draft, by=editor)
    assert draft.get_absolute_url() in sitemap_locations(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400), tick=False):
        kept[0].title = "Tiêu đề đã sửa"
        kept[0].save()
        text = client.get(page_url(kept[0])).content.decode()
    assert f"<lastmod>{kept[0].updated_at.date().isoformat()}</lastmod>" in text


def test_a_scheduled_article_is_listed_when_its_time_comes_with_no_write(client, settings):
    settings.SITEMAP_PAGE_SIZE = 3
    make_article()
    at = timezone.now() + datetime.timedelta(hours=2)
    scheduled = make_article(published_at=at)
    assert scheduled.get_absolute_url() not in sitemap_locations(client)  # the page is written without it
    with time_machine.travel(at, tick=False):
        assert scheduled.get_absolute_url() in sitemap_locations(client)


def test_a_change_made_while_a_page_is_written_is_not_lost(client, settings):
    settings.SITEMAP_PAGE_SIZE = 10**6  # both articles on one page
    first = make_article()
    row = SitemapPage.objects.get(number=sitemap_pages.page_of(first.pk, 10**6))
    second = make_article()  # saved after the row was read: the writer below works from the older generation
    sitemap_pages._write(row, base="http://testserver")
    row.refresh_from_db()
    assert row.built_generation != row.generation  # so the next request writes it again, with the second
    assert second.get_absolute_url() in sitemap_locations(client)


def test_the_index_makes_the_list_of_pages_after_a_bulk_load_or_a_new_page_size(client, settings):
    settings.SITEMAP_PAGE_SIZE = 3
    articles = [make_article() for _ in range(7)]
    SitemapPage.objects.all().delete()  # as after an upgrade, or rows written in bulk with no signal
    assert listed_articles(client) == sorted(a.get_absolute_url() for a in articles)
    settings.SITEMAP_PAGE_SIZE = 5
    assert listed_articles(client) == sorted(a.get_absolute_url() for a in articles)
    assert set(SitemapPage.objects.values_list("page_size", flat=True)) == {5}


def test_the_index_gives_each_written_page_its_own_last_change(client, three_pages):
    write_all(client)
    index = client.get("/sitemap.xml").content.decode()
    for row in SitemapPage.objects.all():
        assert f"{page_url(Article.objects.filter(pk__gt=(row.number - 1) * 3).order_by('pk').first())}" in index
        assert row.lastmod.replace(microsecond=0).isoformat() in index


def test_rebuild_derived_lists_articles_written_in_bulk(client, settings):
    settings.SITEMAP_PAGE_SIZE = 3
    first = make_article()
    write_all(client)
    template = Article.objects.values("category_id", "lead", "body", "author_name").get(pk=first.pk)
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Bài nhập {n}", slug=f"bai-nhap-{n}", status=Article.Status.PUBLISHED, published_at=now, **template
        )
        for n in range(5)
    )
    assert len(listed_articles(client)) == 1  # no signal: neither the pages nor their list know them yet
    call_command("rebuild_derived", stdout=io.StringIO())
    assert listed_articles(client) == sorted(a.get_absolute_url() for a in Article.objects.published())
    assert len(listed_articles(client)) == 6


def test_a_conditional_get_of_an_unchanged_page_is_a_304_and_a_changed_one_a_200(client, three_pages, editor):
    url = page_url(three_pages[4])
    for encoding in ("gzip", ""):
        first = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
        assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
        again = client.get(url, HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again["ETag"] == first["ETag"] and "Accept-Encoding" in again["Vary"]
    plain, packed = client.get(url), client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert plain["ETag"] != packed["ETag"]  # two representations, two validators
    services.withdraw_article(article=three_pages[4], by=editor, reason="Sai số liệu")
    assert client.get(url, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 200


def test_a_page_holding_only_a_scheduled_article_is_listed_when_its_time_comes(client, settings):
    settings.SITEMAP_PAGE_SIZE = 1  # the scheduled article alone on its page
    make_article()
    at = timezone.now() + datetime.timedelta(hours=2)
    scheduled = make_article(published_at=at)
    assert scheduled.get_absolute_url() not in sitemap_locations(client)  # every listed page answers 200
    assert client.get(page_url(scheduled)).status_code == 404
    with time_machine.travel(at, tick=False):
        assert scheduled.get_absolute_url() in sitemap_locations(client)


def test_addresses_are_the_public_ones_whatever_host_the_request_came_through(client, settings, three_pages):
    settings.SITE_URL = "https://dangbo.example.vn"
    settings.ALLOWED_HOSTS = ["testserver", "other.example.vn"]
    first = client.get(page_url(three_pages[0])).content
    again = client.get(page_url(three_pages[0]), HTTP_HOST="other.example.vn").content
    assert first == again and b"<loc>https://dangbo.example.vn/bai-viet/" in first
    index = client.get("/sitemap.xml", HTTP_HOST="other.example.vn").content.decode()
    assert "other.example.vn" not in index and "<loc>https://dangbo.example.vn/sitemap-pages.xml</loc>" in index
