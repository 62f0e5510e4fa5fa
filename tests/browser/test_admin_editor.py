"""An editor writes and publishes an article in the admin's CKEditor 5, and a reader opens it."""

import pytest

from news.models import Article
from tests.browser.conftest import DESKTOP, pick_in_select2
from tests.factories import make_campaign, make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_writes_in_ckeditor_and_publishes(live_server, browser, screenshot, django_user_model):
    from django.contrib.auth.models import Group

    from portal.roles import EDITOR

    user = django_user_model.objects.create_user("bientap", password="mat-khau-bien-tap", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    category = make_category("Hoạt động Đảng bộ")
    make_campaign(code="05-CT/TW")

    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "mat-khau-bien-tap")
    page.click("input[type=submit]")
    page.goto(live_server.url + "/admin/news/article/add/")
    page.fill("#id_title", "Đảng ủy Sở phát động thi đua chào mừng Đại hội")
    page.fill("#id_lead", "Sáng nay, Đảng ủy Sở phát động đợt thi đua cao điểm.")
    editor = page.locator(".ck-editor__editable").first
    editor.click()
    page.keyboard.type("Đoạn mở đầu do biên tập viên gõ trong trình soạn thảo.")
    # Category and campaigns are autocomplete fields: search, then pick the result.
    pick_in_select2(page, "field-category", "Hoạt động", "Hoạt động Đảng bộ")
    pick_in_select2(page, "field-campaigns", "05", "Chỉ thị 05-CT/TW")
    screenshot(page, "admin-article-add-desktop")
    page.click("input[name=_publish]")  # editors publish with the workflow button (news.services)
    page.wait_for_url("**/admin/news/article/")

    article = Article.objects.get()
    assert article.category == category
    assert [c.code for c in article.campaigns.all()] == ["05-CT/TW"]
    assert "<p>Đoạn mở đầu do biên tập viên gõ trong trình soạn thảo.</p>" in article.body
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Đảng ủy Sở phát động thi đua chào mừng Đại hội"
    assert "Đoạn mở đầu do biên tập viên gõ" in page.locator(".article__body").inner_text()
    page.close()
