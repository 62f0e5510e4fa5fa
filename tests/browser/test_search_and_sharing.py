"""Search from the header, results with marked words, sharing an article: in a real browser, both widths."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import make_article, make_campaign, make_category, make_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    section = make_category("Học tập và làm theo Bác")
    campaign = make_campaign(code="05-CT/TW")
    theme = make_theme(campaign, year=2019)
    article = make_article(
        "Đảng ủy Sở học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        lead="Sáng nay, Đảng ủy Sở tổ chức hội nghị sơ kết việc học tập và làm theo Bác.",
        category=section,
        campaigns=[campaign],
        themes=[theme],
    )
    for n in range(4):
        make_article(f"Chi bộ số {n + 1} học tập và làm theo Bác", lead="Tin chi bộ.", category=section, themes=[theme])
    make_article("Hội thi tìm hiểu pháp luật", lead="Tin khác.", category=make_category("Khác"))
    return {"article": article}


@pytest.mark.parametrize(("size", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_search_from_the_header_without_diacritics(live_server, browser, content, screenshot, size, label):
    page = browser.new_page(viewport=size)
    page.goto(live_server.url + "/")
    page.fill("#search-box-q", "dang uy hoc tap")
    page.press("#search-box-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=dang+uy+hoc+tap")
    assert "Tìm thấy 1 bài viết" in page.locator(".search-summary").inner_text()
    marks = page.locator(".search-results mark").all_inner_texts()
    assert {"Đảng", "ủy", "học", "tập"} <= set(marks)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"search page overflows by {overflow}px at {label} width"
    screenshot(page, f"search-{label}")

    page.goto(live_server.url + content["article"].get_absolute_url())
    related = page.locator("text=Tin liên quan").locator("xpath=..").inner_text()
    assert "Chi bộ số 1 học tập và làm theo Bác" in related
    share = page.locator(".share")
    assert share.locator("a", has_text="Facebook").get_attribute("href").startswith("https://www.facebook.com/")
    assert share.locator("a", has_text="Zalo").get_attribute("href").startswith("https://sp.zalo.me/")
    assert page.locator(".share__copy").is_visible()
    share.scroll_into_view_if_needed()
    screenshot(page, f"article-share-{label}")
    page.close()


def test_copy_link_button_copies_the_address(live_server, browser, content):
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server.url + content["article"].get_absolute_url())
    page.click(".share__copy")
    page.wait_for_function("document.querySelector('.share__status').textContent.length > 0")
    status = page.locator(".share__status").inner_text()
    assert status.startswith("Đã sao chép liên kết") or content["article"].get_absolute_url() in status
    context.close()


def test_archive_index_and_month(live_server, browser, content, screenshot):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + "/luu-tru/")
    page.locator(".archive-months a").first.click()
    assert "Lưu trữ tháng" in page.locator("h1").inner_text()
    screenshot(page, "archive-month-desktop")
    page.close()
