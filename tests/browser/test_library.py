"""The picture library in a real browser: a writer inserts a library picture into the body and makes another the
cover, from the picker window the article form opens."""

import pytest
from django.core.files.base import ContentFile

from news.library.models import LibraryImage
from news.models import Article
from tests.browser.conftest import DESKTOP, pick_in_select2
from tests.factories import make_category
from tests.library.test_library import striped_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def picture(title, alt, caption=""):
    image = LibraryImage(title=title, alt_text=alt, caption=caption)
    image.file.save("anh.jpg", ContentFile(striped_jpeg()), save=False)
    image.save()
    return image


def choose(page, opener_text, title):
    with page.expect_popup() as popup:
        page.click(f"text={opener_text}")
    picker = popup.value
    picker.wait_for_load_state()
    with picker.expect_event("close"):
        picker.locator(".library-grid li", has_text=title).locator(".library-choose").click()


def test_a_writer_uses_library_pictures_for_the_body_and_the_cover(live_server, browser, screenshot, writer):
    make_category("Hoạt động chi bộ")
    body_picture = picture("Đảng viên biểu quyết", "Đảng viên giơ tay biểu quyết tại đại hội")
    cover_picture = picture(
        "Toàn cảnh đại hội", "Toàn cảnh hội trường đại hội", caption="Toàn cảnh đại hội. Ảnh: Hải An"
    )
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "phongvien")
    page.fill("#id_password", "mat-khau-phong-vien")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/news/article/add/")
    page.fill("#id_title", "Đại hội Chi bộ Văn phòng nhiệm kỳ 2025-2030")
    page.fill("#id_lead", "Đại hội thành công tốt đẹp.")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type("Đại hội bầu Ban Chấp hành mới.")
    choose(page, "Chèn ảnh từ thư viện", "Đảng viên biểu quyết")
    page.locator(".ck-editor__editable img").first.wait_for()
    choose(page, "Chọn ảnh đại diện từ thư viện", "Toàn cảnh đại hội")
    assert "Toàn cảnh đại hội" in page.locator("#library-cover-note").inner_text()
    assert page.input_value("#id_cover_caption") == "Toàn cảnh đại hội. Ảnh: Hải An"
    pick_in_select2(page, "field-category", "Hoạt động", "Hoạt động chi bộ")
    screenshot(page, "library-article-form-desktop")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get()
    assert article.cover.name == cover_picture.file.name
    assert f'src="{body_picture.file.url}"' in article.body
    assert 'alt="Đảng viên giơ tay biểu quyết tại đại hội"' in article.body
    assert set(article.library_images.all()) == {body_picture, cover_picture}
    page.goto(live_server.url + "/admin/library/libraryimage/")
    assert "dùng trong 1 bài" in page.locator("#result_list").inner_text()
    screenshot(page, "library-list-desktop")
    context.close()
