"""Sơ đồ cổng: the site map for people, as nested lists of every part of the portal."""

import pytest
from django.urls import reverse

from portal import site_map
from tests.factories import make_campaign, make_category, make_theme
from tests.html_tree import parse

pytestmark = pytest.mark.django_db
URL = "/so-do-cong/"


def _items(page):
    return {a.own_text(): a.attrs["href"] for a in page.find("nav", "site-map").find_all("a")}


def test_site_map_lists_every_category_campaign_theme_and_section_in_nested_lists(client):
    parent = make_category("Tin tức, sự kiện")
    child = make_category("Hoạt động chi bộ", parent=parent)
    hidden = make_category("Tin từ cổng cũ", show_in_menu=False)
    campaign = make_campaign(code="05-CT/TW", kind="chi-thi", title="Về đẩy mạnh học tập và làm theo Bác")
    theme = make_theme(campaign, year=2019, title="Ý thức tôn trọng Nhân dân")

    page = parse(client.get(URL).content)

    links = _items(page)
    for url in (
        parent.get_absolute_url(), child.get_absolute_url(), hidden.get_absolute_url(), campaign.get_absolute_url(),
        theme.get_absolute_url(), reverse("campaigns:goodmodel-list"), reverse("campaigns:exemplar-list"),
        reverse("campaigns:award-list"), reverse("campaigns:contest-list"), reverse("campaigns:document-list"),
        reverse("about:introduction"), reverse("schedule:week"), reverse("news:search"), reverse("home"),
    ):  # fmt: skip
        assert url in links.values(), url
    # The child category sits in a list inside its parent's item, the theme inside its campaign's.
    parent_item = next(
        li for li in page.find_all("li") if li.kids("a") and li.kids("a")[0].attrs["href"] == parent.get_absolute_url()
    )
    assert child.get_absolute_url() in [a.attrs["href"] for a in parent_item.kids("ul")[0].find_all("a")]
    campaign_item = next(
        li
        for li in page.find_all("li")
        if li.kids("a") and li.kids("a")[0].attrs["href"] == campaign.get_absolute_url()
    )
    assert theme.get_absolute_url() in [a.attrs["href"] for a in campaign_item.kids("ul")[0].find_all("a")]


def test_service_pages_not_served_here_are_left_out_and_served_ones_linked(monkeypatch):
    monkeypatch.setattr(
        site_map,
        "SERVICE_PAGES",
        [("Không có", ["khong-co:trang", "/khong-co-trang-nay/"]), ("Tìm kiếm", ["khong-co:tim", "/tim-kiem/"])],
    )
    services = next(node for node in site_map.site_map() if node.name == "Dịch vụ, tiện ích")
    assert [(n.name, n.url) for n in services.children] == [("Tìm kiếm", "/tim-kiem/")]


def test_site_map_is_linked_from_the_top_menu_and_the_footer(client):
    page = parse(client.get("/").content)
    assert URL in [a.attrs.get("href") for a in page.find("nav", "topbar__links").find_all("a")]
    assert URL in [a.attrs.get("href") for a in page.find("footer").find_all("a")]


@pytest.mark.parametrize("n", [2, 20])
def test_site_map_query_count_does_not_grow(client, n, django_assert_max_num_queries):
    for i in range(n):
        make_theme(make_campaign(), year=2000 + i)
        make_category(parent=make_category())
    client.get(URL)
    with django_assert_max_num_queries(8):
        assert client.get(URL).status_code == 200
