"""Issue 14's day in the newsroom, in a real browser: a writer's typing survives a closed tab and is restored; the
change to a live article waits; the editor sees the bell's count, meets the writer's lock, approves; the writer
is told."""

import time

import pytest
from django.db import OperationalError

from news.models import Article, ArticleAutosave, PendingEdit
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(context, base, username, password):
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def wait_for(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not _holds(condition) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _holds(condition)


def _holds(condition) -> bool:
    """The condition, read while the live server may be writing: on SQLite's shared in-memory database the test's
    read then meets "database table is locked", which means "not yet"."""
    try:
        return condition()
    except OperationalError:
        return False


def test_a_day_in_the_newsroom(live_server, browser, screenshot, writer, editor):
    article = make_article("Hội nghị sơ kết 5 năm Chỉ thị 05", created_by=writer, body="<p>Bản đang đăng.</p>")
    change = f"{live_server.url}/admin/news/article/{article.pk}/change/"

    # The writer corrects their live article, and the tab closes before saving.
    writer_context = browser.new_context(viewport=DESKTOP)
    page = login(writer_context, live_server.url, "phongvien", "mat-khau-phong-vien")
    page.goto(change)
    page.fill("#id_title", "Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW")
    page.close()
    assert wait_for(lambda: ArticleAutosave.objects.filter(user=writer, article=article).exists())

    # Reopened: the typing is offered back, restored, and saved as a change waiting for review.
    page = writer_context.new_page()
    page.goto(change)
    page.click(".editing-notice >> text=Khôi phục")
    assert page.input_value("#id_title") == "Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW"
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    assert "chờ duyệt" in page.locator(".messagelist").inner_text()
    assert PendingEdit.objects.waiting().filter(article=article).exists()
    assert Article.objects.get(pk=article.pk).title == "Hội nghị sơ kết 5 năm Chỉ thị 05"  # readers: the live one
    page.goto(change)  # and opens it again: the writer holds the lock

    # The editor sees the bell's count, meets the lock, opens the difference and approves.
    editor_context = browser.new_context(viewport=PHONE)
    editor_page = login(editor_context, live_server.url, "bientap", "mat-khau-bien-tap")
    assert editor_page.locator(".notification-bell .notification-count").inner_text().startswith("1")
    editor_page.goto(change)
    assert "Đang được phongvien sửa từ" in editor_page.locator(".editing-notice").inner_text()
    screenshot(editor_page, "newsroom-day-editor-locked-phone")
    editor_page.click("text=Xem khác biệt và duyệt")
    screenshot(editor_page, "newsroom-day-editor-diff-phone")
    editor_page.click("input[value='Duyệt: đăng bản sửa']")
    editor_page.wait_for_url(change)
    assert Article.objects.get(pk=article.pk).title == "Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW"
    editor_context.close()

    # The writer is told.
    page.goto(live_server.url + "/admin/")
    assert page.locator(".notification-bell .notification-count").inner_text().startswith("1")
    page.click(".notification-bell")
    assert "Bản sửa đã được duyệt" in page.locator("#content").inner_text()
    screenshot(page, "newsroom-day-writer-inbox-desktop")
    writer_context.close()
