"""Editing in a real browser: a writer's typing survives a closed tab; an editor meets the writer's lock."""

import time

import pytest

from news.models import Article, ArticleAutosave
from tests.browser.conftest import DESKTOP, PHONE
from tests.news.workflow_helpers import make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(context, base, username, password):
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_a_closed_tab_loses_nothing_and_the_editor_sees_the_lock(live_server, browser, screenshot, writer, editor):
    article = make_draft(writer, title="Tiêu đề đã lưu")
    change = f"{live_server.url}/admin/news/article/{article.pk}/change/"

    writer_context = browser.new_context(viewport=DESKTOP)
    page = login(writer_context, live_server.url, "phongvien", "mat-khau-phong-vien")
    page.goto(change)
    page.fill("#id_title", "Tiêu đề gõ dở trước khi đóng thẻ")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type("Một đoạn gõ mất cả giờ.")

    # Meanwhile the editor opens the same article: the writer holds it.
    editor_context = browser.new_context(viewport=PHONE)
    editor_page = login(editor_context, live_server.url, "bientap", "mat-khau-bien-tap")
    editor_page.goto(change)
    assert "Đang được phongvien sửa từ" in editor_page.locator(".editing-notice").inner_text()
    assert editor_page.locator("#id_title").count() == 0  # read-only for the editor
    screenshot(editor_page, "editing-locked-phone")
    editor_context.close()

    page.close()  # the tab closes: the page saves what was typed and gives the lock back
    for _ in range(50):
        if ArticleAutosave.objects.filter(user=writer, article=article).exists():
            break
        time.sleep(0.1)
    copy = ArticleAutosave.objects.get(user=writer, article=article)
    assert copy.data["title"] == "Tiêu đề gõ dở trước khi đóng thẻ"
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề đã lưu"  # nothing public changed

    page = writer_context.new_page()
    page.goto(change)
    notice = page.locator(".editing-notice")
    assert "Có bản lưu tự động lúc" in notice.inner_text()
    screenshot(page, "editing-autosave-offer-desktop")
    notice.locator("text=Khôi phục").click()
    assert page.input_value("#id_title") == "Tiêu đề gõ dở trước khi đóng thẻ"
    page.locator(".ck-editor__editable").first.wait_for()
    assert "Một đoạn gõ mất cả giờ." in page.locator(".ck-editor__editable").first.inner_text()
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề gõ dở trước khi đóng thẻ"
    assert not ArticleAutosave.objects.filter(user=writer).exists()
    writer_context.close()
