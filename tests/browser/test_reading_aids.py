"""What readers with other needs meet (issue 13): a phone menu that never jumps, slogans that can be stopped, a
video that waits for the reader, button names that say what they show, and reading aloud."""

import re

import pytest

from portal.site_parts.models import Slogan, Video
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    Slogan.objects.create(text="THƯỜNG XUYÊN HỌC TẬP VÀ LÀM THEO BÁC")
    Slogan.objects.create(text="MỖI CÁN BỘ, ĐẢNG VIÊN LÀ MỘT TẤM GƯƠNG")
    Video.objects.create(title="Phim tài liệu", embed_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    return make_article(
        "Chi bộ Văn phòng sinh hoạt chuyên đề",
        lead="Sáng nay, Chi bộ Văn phòng sinh hoạt chuyên đề.",
        body="<p>Đoạn thứ nhất. Câu thứ hai.</p><p>Đoạn thứ hai.</p>",
    )


def test_phone_menu_is_collapsed_before_any_script_runs(live_server, browser, article):
    page = browser.new_page(viewport=PHONE)
    page.route("**/portal.js", lambda route: route.abort())  # as if the script had not arrived yet
    page.goto(live_server.url + "/")
    assert not page.locator("#mainnav-list").is_visible()
    assert page.locator(".mainnav__toggle").is_visible()
    page.close()


def test_without_scripts_the_menu_is_open_and_the_slogans_stand_still(live_server, browser, article):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("#mainnav-list").is_visible()
    assert not page.locator(".mainnav__toggle").is_visible()
    assert page.locator(".ticker__track").evaluate("el => getComputedStyle(el).animationName") == "none"
    context.close()


def test_phone_header_leaves_room_for_content_on_the_first_screen(live_server, browser, article):
    page = browser.new_page(viewport=PHONE)
    page.goto(live_server.url + "/")
    top = page.locator("main").evaluate("el => el.getBoundingClientRect().top")
    assert top < 250, f"content starts at {top}px of 844"
    page.close()


def test_slogans_start_full_and_pause_on_request_and_the_choice_is_remembered(live_server, browser, article):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + "/")
    first = page.locator(".ticker__run").first.locator("span").first
    box, viewport = first.bounding_box(), page.locator(".ticker__viewport").bounding_box()
    assert box["x"] < viewport["x"] + viewport["width"], "the line starts empty"
    button = page.get_by_role("button", name="Tạm dừng")
    button.click()
    track = page.locator(".ticker__track")
    assert track.evaluate("el => getComputedStyle(el).animationPlayState") == "paused"
    page.reload()
    assert track.evaluate("el => getComputedStyle(el).animationPlayState") == "paused"
    page.get_by_role("button", name="Chạy tiếp").click()
    page.mouse.move(0, 800)  # the pointer resting on the line pauses it too
    assert track.evaluate("el => getComputedStyle(el).animationPlayState") == "running"
    page.close()


def test_readers_who_ask_for_less_motion_see_still_slogans(live_server, browser, article):
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.locator(".ticker__track").evaluate("el => getComputedStyle(el).animationName") == "none"
    assert not page.locator(".ticker__toggle").is_visible()
    context.close()


def test_the_video_frame_loads_only_when_the_reader_presses_play(live_server, browser, article):
    page = browser.new_page(viewport=DESKTOP)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<title>player</title>"))
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".video iframe").count() == 0
    assert not [url for url in requested if "youtube" in url]
    page.get_by_role("link", name="Phát video").click()
    frame = page.locator(".video__frame iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert frame.get_attribute("title") == "Phim tài liệu"
    page.close()


def test_button_names_contain_their_visible_text(live_server, browser, article):
    """WCAG 2.5.3: a reader using speech input says what they see ("A+", "100%") and the button answers."""
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + article.get_absolute_url())
    buttons = page.locator(".textsize button, .ticker__toggle, [data-read-aloud], [data-print]")
    assert buttons.count() == 6
    for button in buttons.all():
        name = re.match(r'- button "([^"]+)"', button.aria_snapshot())[1]
        shown = button.evaluate(
            "el => { const c = el.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(n => n.remove());"
            " return c.textContent.replace(/\\s+/g, ' ').trim(); }"
        )
        assert shown and name.startswith(shown), (name, shown)
    page.close()


def test_read_aloud_speaks_the_article_in_vietnamese(live_server, browser, article):
    page = browser.new_page(viewport=DESKTOP)
    # Record what the page asks the browser's speech engine to say, then let the engine have it.
    page.add_init_script(
        """window.__spoken = [];
        const speak = speechSynthesis.speak.bind(speechSynthesis);
        speechSynthesis.speak = (u) => { window.__spoken.push({text: u.text, lang: u.lang}); speak(u); };"""
    )
    page.goto(live_server.url + article.get_absolute_url())
    button = page.get_by_role("button", name="Nghe đọc bài")
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[0]["text"] == article.title
    assert {s["lang"] for s in spoken} == {"vi-VN"}
    assert "Đoạn thứ nhất. Câu thứ hai." in [s["text"] for s in spoken]
    page.close()
