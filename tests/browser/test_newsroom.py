"""The newsroom in a real browser: a writer writes with an image and submits, an editor publishes, a reader reads."""

import io
import re

import pytest
from PIL import Image

from news.models import Article, ArticleEvent
from tests.browser.conftest import DESKTOP, PHONE, pick_in_select2
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Chi bộ Văn phòng ra mắt mô hình “Nụ cười tiếp dân”"


def photo(tmp_path):
    path = tmp_path / "Ảnh ra mắt mô hình.jpg"
    image = Image.new("RGB", (900, 600), (179, 18, 27))
    exif = Image.Exif()
    exif[0x010F] = "Điện thoại của phóng viên"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    path.write_bytes(buffer.getvalue())
    return path


def login(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_writer_submits_editor_publishes_reader_reads(live_server, browser, screenshot, writer, editor, tmp_path):
    make_category("Hoạt động chi bộ")
    article = _writer_writes_and_submits(live_server, browser, screenshot, writer, tmp_path)
    _editor_previews_and_publishes(live_server, browser, screenshot, article)
    _readers_read(live_server, browser, screenshot, article)


def _writer_writes_and_submits(live_server, browser, screenshot, writer, tmp_path):
    """The writer writes, with a picture put into CKEditor 5, and submits."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    login(page, live_server.url, "phongvien", "mat-khau-phong-vien")
    page.goto(live_server.url + "/admin/news/article/add/")
    assert page.locator("#id_status").count() == 0  # writers do not choose the status
    assert page.locator("input[name=_publish]").count() == 0
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Sáng nay, Chi bộ Văn phòng Sở ra mắt mô hình tiếp dân niềm nở, tận tình.")
    body = page.locator(".ck-editor__editable").first
    body.click()
    page.keyboard.type("Mô hình do 5 đảng viên trẻ đảm nhận, tiếp nhận hồ sơ trong ngày.")
    with page.expect_response(lambda r: "/ckeditor5/image_upload/" in r.url) as upload:
        page.locator(".ck-file-dialog-button input[type=file]").first.set_input_files(str(photo(tmp_path)))
    assert upload.value.status == 200
    page.locator(".ck-editor__editable img").first.wait_for()
    _describe_picture(page, "Đảng viên trẻ tiếp công dân tại bộ phận một cửa")
    pick_in_select2(page, "field-category", "Hoạt động", "Hoạt động chi bộ")
    screenshot(page, "newsroom-writer-add-desktop")
    page.click("input[name=_submit_review]")
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert article.created_by == writer
    assert 'src="/media/editor/' in article.body and "<img " in article.body
    assert 'alt="Đảng viên trẻ tiếp công dân' in article.body
    assert page.goto(live_server.url + article.get_absolute_url()).status == 404  # not public yet
    context.close()
    return article


def _describe_picture(page, text):
    """The picture's alt text, through CKEditor's own "text alternative" balloon (a check refuses to publish a
    picture without one)."""
    page.locator(".ck-editor__editable img").first.click()
    page.locator(".ck-balloon-panel_visible .ck-toolbar button").first.click()
    field = page.locator(".ck-text-alternative-form input").first
    field.fill(text)
    field.press("Enter")


def _editor_previews_and_publishes(live_server, browser, screenshot, article):
    """The editor opens the queue, previews, and publishes."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    login(page, live_server.url, "bientap", "mat-khau-bien-tap")
    page.goto(live_server.url + "/admin/news/article/?status__exact=review")
    page.click(f"text={TITLE}")
    assert "Chờ duyệt" in page.locator(".field-status").inner_text()
    screenshot(page, "newsroom-editor-review-desktop")
    change_url = page.url
    # The preview shows the article as readers will see it, marked as not yet published.
    with page.expect_popup() as popup:
        page.click("text=Xem bài như bạn đọc sẽ thấy")
    preview = popup.value
    preview.wait_for_load_state()
    assert preview.locator("h1").inner_text() == TITLE
    assert "Bản xem trước" in preview.locator(".preview-banner").inner_text()
    screenshot(preview, "newsroom-preview-desktop")
    preview.close()
    page.click("text=Lịch sử phiên bản")
    assert page.locator("#revision-list tbody tr").count() == 1
    screenshot(page, "newsroom-revisions-desktop")
    page.goto(change_url)
    page.click("input[name=_publish]")
    page.wait_for_url(re.compile(r"/admin/news/article/(\?.*)?$"))  # back to the filtered queue
    assert "Bài viết: Đã đăng." in page.locator(".messagelist").inner_text()
    screenshot(page, "newsroom-editor-published-desktop")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert list(ArticleEvent.objects.order_by("at", "id").values_list("action", "by__username")) == [
        ("submit", "phongvien"),
        ("publish", "bientap"),
    ]
    context.close()


def _readers_read(live_server, browser, screenshot, article):
    """Two readers see it, with its counter, at desktop and phone widths.

    Headless Chromium names itself in its User-Agent and would be taken for a bot (news.viewcounts), so each
    reader's browser says what a real one says.
    """
    phone_agent = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"
    for name, viewport, agent in (("desktop", DESKTOP, BROWSER_USER_AGENT), ("phone", PHONE, phone_agent)):
        context = browser.new_context(viewport=viewport, user_agent=agent)
        page = context.new_page()
        page.goto(live_server.url + article.get_absolute_url())
        assert page.locator("h1").inner_text() == TITLE
        assert page.locator(".article__body img").count() == 1
        assert page.locator(".article__views").inner_text().startswith("Lượt xem: ")
        screenshot(page, f"newsroom-reader-article-{name}")
        context.close()
    article.refresh_from_db()
    assert article.view_count == 2
