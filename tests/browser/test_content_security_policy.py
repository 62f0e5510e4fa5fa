"""The Content-Security-Policy in a real browser: no page the portal serves trips it, and the pages still work."""

import pytest

from portal.site_parts.models import Video
from tests.browser.conftest import DESKTOP
from tests.factories import make_article, make_campaign, make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMBED = '<figure class="media"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe></figure>'


def watch_violations(page) -> list[str]:
    """Collect what Chromium reports: console lines ("Refused to ...") and securitypolicyviolation events."""
    seen: list[str] = []
    page.on("console", lambda msg: seen.append(msg.text) if "Refused to" in msg.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Refused to (event) ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return seen


@pytest.fixture
def content():
    campaign = make_campaign(code="01-KL/TW", kind="ket-luan", title="Về tiếp tục thực hiện Chỉ thị 05-CT/TW")
    article = make_article(
        "Hội nghị học tập chuyên đề có video",
        category=make_category("Hoạt động Đảng bộ"),
        campaigns=[campaign],
        body='<p style="text-align:center;">Đoạn căn giữa.</p>' + EMBED,
    )
    Video.objects.create(title="Video hội nghị", embed_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    return {"article": article, "campaign": campaign}


def test_public_pages_report_no_csp_violation_and_still_work(live_server, browser, content):
    page = browser.new_page(viewport=DESKTOP)
    violations = watch_violations(page)
    pages = {
        "/": 200,
        content["article"].get_absolute_url(): 200,
        content["campaign"].get_absolute_url(): 200,
        "/phong-trao/": 200,
        "/tim-kiem/?q=video": 200,
        "/khong-co-trang-nay/": 404,
    }
    for path, status in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == status, path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    # The page script ran (portal.js marks the document), the JSON-LD is there and the video frames are in place.
    assert page.evaluate("document.documentElement.classList.contains('js')")
    page.goto(live_server.url + content["article"].get_absolute_url())
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    assert page.locator(".article__body iframe[src^='https://www.youtube-nocookie.com/']").count() == 1
    # The editor's alignment is a style attribute the page's policy allows by its hash.
    assert page.locator(".article__body p").first.evaluate("p => getComputedStyle(p).textAlign") == "center"
    page.locator("[data-textsize='1']").first.click()  # the text-size buttons: an event listener, not onclick
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('[data-textsize-target]')).getPropertyValue('--article-scale')"
        ).strip()
        == "1.15"
    )
    page.goto(live_server.url + "/")
    assert page.locator(".video iframe").count() == 0  # the player waits for the reader (a facade)
    page.locator(".video__play").first.click()
    assert page.locator(".video__frame iframe[src^='https://www.youtube-nocookie.com/embed/']").count() == 1
    assert violations == []
    page.close()


def test_the_article_form_in_the_admin_reports_no_csp_violation(live_server, browser, admin_user, content):
    page = browser.new_page(viewport=DESKTOP)
    violations = watch_violations(page)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.goto(live_server.url + f"/admin/news/article/{content['article'].pk}/change/")
    editor = page.locator(".ck-editor__editable").first
    editor.click()
    page.keyboard.type(" Thêm một câu.")
    assert "Thêm một câu." in editor.inner_text()
    # The signed preview link is selected whole on click (static/js/article_admin.js, not an onclick attribute).
    link = page.locator("input.preview-link")
    link.click()
    selected = page.evaluate(
        "(() => { const f = document.querySelector('input.preview-link');"
        " return f.value.substring(f.selectionStart, f.selectionEnd); })()"
    )
    assert selected == link.input_value() != ""
    assert violations == []
    page.close()
