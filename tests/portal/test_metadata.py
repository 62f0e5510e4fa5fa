"""What every public page tells search engines and social networks, and how an article is shared."""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.images import rendition_url
from portal.demo.images import cover_jpeg
from tests.factories import make_article, make_campaign, make_category, make_theme

pytestmark = pytest.mark.django_db

SITE = "https://dangbo.example.gov.vn"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


class HeadParser(HTMLParser):
    """Collects <meta>, <link> and JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld, self._in_ld = {}, [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def pages():
    category = make_category("Gương điển hình", description="Những tấm gương sáng.")
    campaign = make_campaign(code="05-CT/TW")
    theme = make_theme(campaign, year=2019)
    article = make_article(
        "Đảng ủy Sở học tập và làm theo Bác", category=category, campaigns=[campaign], themes=[theme]
    )
    return {
        "home": reverse("home"),
        "latest": reverse("news:latest"),
        "category": category.get_absolute_url(),
        "article": article.get_absolute_url(),
        "campaigns": reverse("campaigns:campaign-list"),
        "campaign": campaign.get_absolute_url(),
        "theme": theme.get_absolute_url(),
        "search": reverse("news:search") + "?q=hoc+tap",
        "archive": reverse("news:archive"),
        "archive-month": reverse("news:archive-month", kwargs={"year": 2024, "month": 5}),
    }


class PageMetadataTests:
    def test_every_public_page_has_canonical_description_opengraph_and_twitter(self, client, pages):
        for name, url in pages.items():
            parsed = head(client, url)
            canonical = [link["href"] for link in parsed.links if link.get("rel") == "canonical"]
            assert canonical == [SITE + url.split("?")[0]], name
            for key in ("description", "og:title", "og:description", "og:url", "og:image", "og:type", "twitter:card"):
                assert parsed.meta.get(key), (name, key)
            assert parsed.meta["og:url"] == canonical[0]
            assert parsed.meta["og:image"].startswith(SITE + "/"), name
            assert parsed.meta["twitter:card"] == "summary_large_image"

    def test_search_pages_are_not_indexed(self, client, pages):
        assert head(client, pages["search"]).meta["robots"].startswith("noindex")
        assert "robots" not in head(client, pages["home"]).meta

    def test_later_pages_of_a_list_are_their_own_canonical(self, client):
        category = make_category()
        for _ in range(14):
            make_article(category=category)
        parsed = head(client, category.get_absolute_url() + "?page=2&utm_source=zalo")
        canonical = [link["href"] for link in parsed.links if link.get("rel") == "canonical"]
        assert canonical == [SITE + category.get_absolute_url() + "?page=2"]


class ArticleMetadataTests:
    def test_article_shares_its_title_lead_and_cover_in_absolute_urls(self, client):
        article = make_article("Nụ cười tiếp dân", lead="Mô hình hay của Văn phòng Sở.", author_name="HẢI AN")
        article.cover = SimpleUploadedFile("anh.jpg", cover_jpeg(1, 320, 200), content_type="image/jpeg")
        article.save()
        parsed = head(client, article.get_absolute_url())
        assert parsed.meta["og:type"] == "article"
        assert parsed.meta["og:title"] == parsed.meta["twitter:title"] == "Nụ cười tiếp dân"
        assert parsed.meta["og:description"] == "Mô hình hay của Văn phòng Sở."
        # The social card rendition (1200×630) made on save, in an absolute URL.
        assert parsed.meta["og:image"] == SITE + rendition_url(article.cover, "og")
        assert parsed.meta["og:image"].endswith("/og.jpg")
        assert parsed.meta["article:published_time"].startswith(str(article.published_at.astimezone().year))

    def test_article_carries_news_article_json_ld(self, client):
        article = make_article("Đảng ủy Sở học tập", lead="Sáng nay...", author_name="T. Hùng", tags=["nêu gương"])
        (raw,) = head(client, article.get_absolute_url()).json_ld
        data = json.loads(raw)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Đảng ủy Sở học tập"
        assert data["url"] == data["mainEntityOfPage"]["@id"] == SITE + article.get_absolute_url()
        assert data["author"] == [{"@type": "Person", "name": "T. Hùng"}]
        assert data["publisher"]["name"]
        assert data["image"][0].startswith(SITE)
        assert data["keywords"] == ["nêu gương"]
        assert data["datePublished"].startswith(str(article.published_at.year))

    def test_json_ld_cannot_be_broken_out_of(self, client):
        title = 'Tin </script><script>alert("x")</script> & <!-- chú thích'
        article = make_article(title, lead="</SCRIPT>")
        html = client.get(article.get_absolute_url()).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        assert "<" not in block and ">" not in block
        assert json.loads(block)["headline"] == title[:110]
        assert '<script>alert("x")</script>' not in html

    def test_share_links_without_third_party_scripts(self, client):
        article = make_article("Chia sẻ bài này")
        html = client.get(article.get_absolute_url()).content.decode()
        url = SITE + article.get_absolute_url()
        encoded = url.replace(":", "%3A").replace("/", "%2F")
        assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in html
        assert f"https://sp.zalo.me/share_inline?url={encoded}" in html
        assert f'data-copy-link="{url}"' in html
        scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
        assert scripts and all(src.startswith("/static/") for src in scripts)

    def test_article_page_query_budget_holds_with_metadata(self, client, django_assert_max_num_queries):
        article = make_article(tags=["a", "b", "c"], campaigns=[make_campaign()])
        client.get(article.get_absolute_url())
        with django_assert_max_num_queries(12):
            assert client.get(article.get_absolute_url()).status_code == 200


class SitemapTests:
    def test_sitemap_entries_carry_last_modified_times(self, client, pages):
        response = client.get("/sitemap.xml")
        root = ET.fromstring(response.content)
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        entries = {url.find("s:loc", ns).text: url.find("s:lastmod", ns) for url in root.findall("s:url", ns)}
        dated = [loc for loc in entries if "/bai-viet/" in loc or "/luu-tru/" in loc]
        assert any("/luu-tru/" in loc for loc in dated)
        assert all(entries[loc] is not None and entries[loc].text for loc in dated)
