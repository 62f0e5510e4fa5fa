"""HTTP caching (Cache-Control, ETag, 304, Vary) and compression (gzip, Brotli) of public pages."""

import gzip

import brotli
import pytest
from django.conf import settings

from portal.pagecache.compression import accepts_brotli
from tests.factories import make_article

from .conftest import cache_state, reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", view_count=41)


def shown(response) -> str:
    html = response.content.decode()
    start = html.index("data-view-count>") + len("data-view-count>")
    return html[start : html.index("<", start)]


def vary(response) -> list[str]:
    return [value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()]


@pytest.mark.parametrize("url", ["/rss/", "/sitemap.xml"])
def test_pages_without_anything_personal_may_be_kept_briefly_by_anyone(article, url, settings):
    settings.PAGE_MAX_AGE, settings.PAGE_STALE_WHILE_REVALIDATE = 30, 45
    response = reader().get(url)
    assert response["Cache-Control"] == "public, max-age=30, stale-while-revalidate=45"
    assert response["ETag"].startswith('"')
    assert "cookie" not in vary(response)


def test_an_article_page_is_the_readers_own_and_revalidated_each_time(article):
    response = reader().get(article.get_absolute_url())
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}  # its count, its token
    assert "cookie" not in vary(response)  # the ETag stands for the token's secret instead (see page_etag)
    assert response.has_header("ETag")


def test_no_public_page_varies_on_cookie_for_a_returning_reader(article):
    browser = reader()
    urls = ("/", article.get_absolute_url(), "/rss/", "/sitemap.xml", "/tim-kiem/?q=hoc+tap")
    for url in urls:
        browser.get(url)  # the first page with a form sets the CSRF cookie, the first page the visitor cookie
    for url in urls:
        response = browser.get(url)
        assert response.status_code == 200
        assert "cookie" not in vary(response), url
        assert not response.cookies, url  # a returning reader is sent no cookie at all


def test_a_conditional_get_of_an_unchanged_page_is_304():
    browser = reader()
    first = browser.get("/rss/")
    again = browser.get("/rss/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_conditional_get_of_an_article_is_counted_before_it_is_answered(article):
    first = reader()
    page = first.get(article.get_absolute_url())
    assert shown(page) == "42"
    repeat = first.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=page["ETag"])
    assert repeat.status_code == 304  # the same reader within the window: not counted, the page is unchanged
    other = reader()
    # Another reader presenting the same validator (a proxy, say) is counted, so their page has a new number.
    counted = other.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=page["ETag"])
    assert counted.status_code == 200 and shown(counted) == "43"
    article.refresh_from_db()
    assert article.view_count == 43


def test_a_browser_whose_csrf_cookie_changed_is_not_told_to_keep_its_old_page(article):
    browser = reader()
    page = browser.get(article.get_absolute_url())
    browser.cookies[settings.CSRF_COOKIE_NAME] = "b" * 32  # e.g. rotated by a login since
    again = browser.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=page["ETag"])
    assert again.status_code == 200


@pytest.mark.parametrize("url", ["/", "/rss/", "/sitemap.xml"])
def test_pages_feeds_and_sitemaps_are_gzipped(article, url):
    plain = reader().get(url)
    packed = reader().get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert packed["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(packed)
    assert len(packed.content) < len(plain.content)
    assert (
        gzip.decompress(packed.content).split(b"csrfmiddlewaretoken")[0]
        == plain.content.split(b"csrfmiddlewaretoken")[0]
    )


@pytest.mark.parametrize("url", ["/", "/rss/", "/sitemap.xml"])
def test_brotli_when_the_client_asks_for_it(article, url):
    plain = reader().get(url)
    packed = reader().get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br, zstd")
    assert packed["Content-Encoding"] == "br"
    assert packed["ETag"].startswith('W/"')  # another representation of the same page
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    assert (
        brotli.decompress(packed.content).split(b"csrfmiddlewaretoken")[0]
        == plain.content.split(b"csrfmiddlewaretoken")[0]
    )


def test_a_compressed_page_from_the_cache_is_still_personal(article):
    reader().get(article.get_absolute_url())
    browser = reader()
    page = browser.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING="br")
    assert cache_state(page) == "hit"
    html = brotli.decompress(page.content).decode()
    assert "data-view-count>43<" in html
    assert 'value="pagecache-' not in html  # the placeholder never leaves the server


@pytest.mark.parametrize(
    ("header", "expected"),
    [("br", True), ("gzip, br;q=0.5", True), ("br;q=0", False), ("gzip", False), ("brotli", False), ("", False)],
)
def test_accept_encoding_is_read_with_its_weights(header, expected):
    assert accepts_brotli(header) is expected


def test_the_weak_etag_of_a_compressed_page_still_gets_304():
    browser = reader()
    first = browser.get("/rss/", HTTP_ACCEPT_ENCODING="br")
    assert first["ETag"].startswith('W/"')
    again = browser.get("/rss/", HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_304_carries_the_same_content_security_policy_as_the_page():
    """Browsers take a 304's headers in place of the stored ones: the article's style hashes must stay."""
    article = make_article("Bài căn giữa", body='<p style="text-align:center">Đoạn căn giữa.</p>')
    browser = reader()
    page = browser.get(article.get_absolute_url())
    assert "unsafe-hashes" in page["Content-Security-Policy"]
    again = browser.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=page["ETag"])
    assert again.status_code == 304
    assert again["Content-Security-Policy"] == page["Content-Security-Policy"]
