"""Readers' pages in a real browser, at desktop and phone widths, with screenshots to look at."""

import re

import pytest
from django.utils import timezone

from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import make_article, make_campaign, make_category, make_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    section = make_category("Học tập và làm theo Bác")
    campaign = make_campaign(code="01-KL/TW", kind="ket-luan", title="Về tiếp tục thực hiện Chỉ thị 05-CT/TW")
    theme = make_theme(
        campaign,
        year=timezone.localdate().year,
        title="Học tập và làm theo Bác về tinh thần trách nhiệm, nêu gương trong thực thi công vụ",
    )
    article = make_article(
        "Đảng ủy Sở học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        category=section,
        campaigns=[campaign],
        themes=[theme],
        tags=["nêu gương", "Đảng bộ Sở"],
        body="<p>Đoạn thứ nhất của bài viết, có đủ dấu tiếng Việt: ặ ẫ ỡ ự ề.</p>" * 4,
        is_featured=True,
        view_count=1940,
    )
    for n in range(5):
        make_article(f"Chi bộ số {n + 1} sinh hoạt chuyên đề", category=section, themes=[theme])
    return {"article": article, "campaign": campaign, "theme": theme}


@pytest.mark.parametrize(("size", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_reader_pages_render_in_vietnamese_at_each_width(live_server, browser, content, screenshot, size, label):
    page = browser.new_page(viewport=size)
    pages = {
        "home": "/",
        "article": content["article"].get_absolute_url(),
        "campaign": content["campaign"].get_absolute_url(),
        "theme": content["theme"].get_absolute_url(),
    }
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        # Nothing wider than the screen: a phone reader never scrolls sideways.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} overflows by {overflow}px at {label} width"
        screenshot(page, f"{name}-{label}")

    page.goto(live_server.url + pages["article"])
    assert page.locator("h1").inner_text() == content["article"].title
    # The stored count in Vietnamese digit grouping: 1.940, not 1940, 1,940 or 1.940 plus a view of this test's.
    assert re.search(r"Lượt xem: (\S+)", page.locator(".article__meta").inner_text())[1] == "1.940"
    page.close()


def test_text_size_buttons_change_and_remember_the_size(live_server, browser, content):
    page = browser.new_page(viewport=DESKTOP)
    url = live_server.url + content["article"].get_absolute_url()
    page.goto(url)
    body = page.locator(".article__content")
    before = body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    after = body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert after > before
    page.reload()
    assert page.locator(".article__content").evaluate("el => parseFloat(getComputedStyle(el).fontSize)") == after
    page.close()


def test_menu_is_usable_with_the_keyboard_on_a_phone(live_server, browser, content):
    page = browser.new_page(viewport=PHONE)
    page.goto(live_server.url + "/")
    menu = page.locator("#mainnav-list")
    assert not menu.is_visible()
    page.locator(".mainnav__toggle").focus()
    page.keyboard.press("Enter")
    assert menu.is_visible()
    assert page.locator(".mainnav__toggle").get_attribute("aria-expanded") == "true"
    page.close()
