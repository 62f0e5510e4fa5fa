"""The markup behind the accessibility and quality fixes of issue 13 (the browser checks are in tests/browser)."""

import itertools
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from news.models import Tag
from portal.demo.images import banner_png, cover_jpeg
from portal.site_parts.models import BannerLink
from tests.factories import make_article, make_category, make_exemplar, make_good_model
from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def with_cover(record, field="cover"):
    getattr(record, field).save("anh.jpg", ContentFile(cover_jpeg(3, 800, 500)))
    return record


def test_list_thumbnails_say_how_wide_they_are_shown(client):
    category = make_category("Tin tức")
    with_cover(make_article(category=category))
    img = parse(client.get(category.get_absolute_url()).content).find("article", "card").find("img")
    # 120px on phones, 200px from 600px up: a phone no longer downloads the 1200px file for a thumbnail.
    assert img.attrs["sizes"] == "(min-width: 600px) 200px, 120px"


def test_the_article_cover_and_the_good_model_picture_load_first(client):
    article = with_cover(make_article())
    cover = parse(client.get(article.get_absolute_url()).content).find("figure", "article__cover").find("img")
    assert cover.attrs["fetchpriority"] == "high" and "loading" not in cover.attrs
    good_model = with_cover(make_good_model())
    picture = parse(client.get(good_model.get_absolute_url()).content).find("figure", "record__image").find("img")
    assert picture.attrs["fetchpriority"] == "high"


def test_banners_carry_their_own_width_and_height(client):
    banner = BannerLink(title="Cổng thông tin tỉnh", url="https://www.longan.gov.vn/")
    banner.image.save("b.png", ContentFile(banner_png("Cổng thông tin tỉnh", (30, 80, 140))), save=False)
    banner.save()
    img = parse(client.get("/").content).find("ul", "banner-list").find("img")
    assert (img.attrs["width"], img.attrs["height"]) == ("600", "160")


def _heading_levels(html: bytes) -> list[int]:
    main = parse(html).find("main")
    return [int(h.tag[1]) for h in main.find_all() if re.fullmatch(r"h[1-6]", h.tag)]


def test_list_pages_never_skip_a_heading_level(client):
    category = make_category("Tin tức")
    tag = Tag.objects.create(name="nêu gương")
    make_article(category=category, tags=[tag])
    make_good_model()
    make_exemplar()
    for url in (
        category.get_absolute_url(),
        tag.get_absolute_url(),
        reverse("campaigns:goodmodel-list"),
        reverse("campaigns:exemplar-list"),
        reverse("schedule:week"),
        reverse("about:introduction"),
        reverse("site-map"),
    ):
        levels = _heading_levels(client.get(url).content)
        assert levels[0] == 1, url
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, (url, levels)


def test_access_keys_lead_home_to_the_site_map_and_to_search(client):
    page = parse(client.get("/").content)
    keys = {e.attrs["accesskey"]: e for e in page.find_all() if "accesskey" in e.attrs}
    assert keys["1"].attrs["href"] == reverse("home")
    assert keys["3"].attrs["href"] == reverse("site-map")
    assert keys["4"].tag == "input" and keys["4"].attrs["name"] == "q"
    # The site map says how to use them.
    assert "Phím tắt" in client.get(reverse("site-map")).content.decode()


def test_top_bar_links_are_separate_items_of_a_labelled_list(client):
    nav = parse(client.get("/").content).find("nav", "topbar__links")
    assert nav.attrs["aria-label"]
    assert [li.find("a").own_text() for li in nav.find("ul").kids("li")] == [
        "Hỏi đáp",
        "Liên hệ",
        "Sơ đồ cổng",
        "Lưu trữ",
        "RSS",
    ]
