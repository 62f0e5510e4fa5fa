"""A reader comments with an attachment, a moderator approves it in the admin, the reader sees it; a reader votes."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from news.comments.models import Comment
from portal.polls.models import Poll, PollChoice
from portal.site_parts.models import BannerLink, Video, WebLink
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import make_article, make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def png(color=(179, 18, 27), size=(600, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def content():
    section = make_category("Học tập và làm theo Bác")
    article = make_article(
        "Chi bộ Văn phòng sinh hoạt chuyên đề về nêu gương",
        category=section,
        body="<p>Đảng viên trao đổi về trách nhiệm nêu gương, gắn với nhiệm vụ chuyên môn của từng người.</p>" * 3,
    )
    make_article("Một tin khác của chuyên mục", category=section)
    poll = Poll.objects.create(question="Bạn đánh giá như thế nào về trang thông tin điện tử này?")
    for position, text in enumerate(["Rất hữu ích", "Hữu ích", "Bình thường", "Chưa hữu ích"]):
        PollChoice.objects.create(poll=poll, text=text, position=position)
    for position, (name, url) in enumerate(
        [
            ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
            ("Tạp chí Tuyên giáo", "https://tuyengiao.vn/"),
        ]
    ):
        WebLink.objects.create(name=name, url=url, position=position)
    for position, color in enumerate([(179, 18, 27), (20, 90, 140)]):
        banner = BannerLink(title=f"Banner {position + 1}", url="https://www.longan.gov.vn/", position=position)
        banner.image.save("banner.png", ContentFile(png(color)), save=False)
        banner.save()
    Video.objects.create(title="Hội nghị học tập chuyên đề năm 2026", embed_url="https://youtu.be/dQw4w9WgXcQ")
    return {"article": article, "poll": poll}


def test_comment_with_attachment_is_approved_by_a_moderator_and_then_shown(
    live_server, browser, content, editor, screenshot, tmp_path
):
    article = content["article"]
    picture = tmp_path / "anh-chi-bo.png"
    picture.write_bytes(png((30, 110, 60), (320, 200)))
    reader = _reader_comments_with_a_picture(live_server, browser, screenshot, article, picture)
    _moderator_approves(live_server, browser, screenshot)
    _reader_sees_the_comment_and_its_picture(live_server, screenshot, reader, article, picture)


def _reader_comments_with_a_picture(live_server, browser, screenshot, article, picture):
    """The reader sends a comment with a picture; it waits for moderation. The page stays open for the last step."""
    reader = browser.new_page(viewport=DESKTOP)
    reader.goto(live_server.url + article.get_absolute_url())
    comments = reader.locator("#binh-luan")
    assert "Hiện tại chưa có bình luận" in comments.inner_text()
    assert "Ban biên tập xem xét trước khi hiển thị" in comments.inner_text()
    reader.get_by_label("Họ và tên").fill("Lê Thị Hồng")
    reader.get_by_label("Thư điện tử (không hiển thị)").fill("hong@example.vn")
    reader.get_by_label("Nội dung").fill("Buổi sinh hoạt rất thiết thực, chi bộ chúng tôi xin gửi kèm ảnh.")
    reader.get_by_label("Tệp đính kèm").set_input_files(str(picture))
    reader.get_by_label("Tôi đồng ý để Ban biên tập xử lý họ tên").check()
    screenshot(reader, "comment-form-filled-desktop")
    reader.get_by_role("button", name="Gửi bình luận").click()
    reader.wait_for_load_state()
    assert "sẽ hiển thị sau khi được Ban biên tập duyệt" in reader.locator("#binh-luan").inner_text()
    assert "Buổi sinh hoạt rất thiết thực" not in reader.content()
    assert Comment.objects.get().status == Comment.Status.PENDING
    return reader


def _moderator_approves(live_server, browser, screenshot):
    """The editor finds the comment in the admin's queue, with its attachment, and approves it."""
    moderator = browser.new_page(viewport=DESKTOP)
    moderator.goto(live_server.url + "/admin/login/?next=/admin/comments/comment/")
    moderator.fill("#id_username", "bientap")
    moderator.fill("#id_password", "mat-khau-bien-tap")
    moderator.get_by_role("button", name="Đăng nhập").click()
    moderator.wait_for_load_state()
    row = moderator.locator("#result_list tbody tr", has_text="Buổi sinh hoạt rất thiết thực")
    assert row.count() == 1
    assert "Tải về" in row.inner_text()
    screenshot(moderator, "admin-comment-queue-desktop")
    row.locator("input.action-select").check()
    moderator.select_option("select[name=action]", "approve")
    moderator.locator("button[name=index]").click()
    moderator.wait_for_load_state()
    assert "Đã duyệt 1 bình luận." in moderator.locator(".messagelist").inner_text()
    moderator.goto(live_server.url + f"/admin/comments/comment/{Comment.objects.get().pk}/change/")
    assert moderator.locator("#id_text").input_value().startswith("Buổi sinh hoạt rất thiết thực")
    screenshot(moderator, "admin-comment-change-desktop")
    moderator.close()


def _reader_sees_the_comment_and_its_picture(live_server, screenshot, reader, article, picture):
    """The approved comment is shown without the address, its picture downloads intact, and phones fit the page."""
    reader.goto(live_server.url + article.get_absolute_url())
    shown = reader.locator("#binh-luan .comment")
    assert shown.count() == 1
    assert "Lê Thị Hồng" in shown.inner_text()
    assert "Buổi sinh hoạt rất thiết thực" in shown.inner_text()
    assert "hong@example.vn" not in reader.content()
    with reader.expect_download() as download_info:
        shown.get_by_role("link", name="Tệp đính kèm").click()
    download = download_info.value
    assert download.suggested_filename == "anh-chi-bo.png"
    assert download.path().read_bytes() == picture.read_bytes()
    reader.locator("#binh-luan").scroll_into_view_if_needed()
    screenshot(reader, "article-with-comment-desktop")
    reader.set_viewport_size(PHONE)
    overflow = reader.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the article page overflows by {overflow}px at phone width"
    screenshot(reader, "article-with-comment-phone")
    reader.close()


@pytest.mark.parametrize(("size", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_reader_votes_in_the_sidebar_and_sees_the_chart(live_server, browser, content, screenshot, size, label):
    page = browser.new_page(viewport=size)
    page.goto(live_server.url + "/")
    poll_box = page.locator(".poll")
    assert poll_box.locator("h2").text_content() == "Thăm dò ý kiến"
    poll_box.get_by_label("Hữu ích", exact=True).check()
    poll_box.get_by_role("button", name="Gửi bình chọn").click()
    page.wait_for_load_state()
    assert "Cảm ơn bạn đã gửi bình chọn." in page.locator(".messages").inner_text()
    rows = page.locator(".poll-results__row")
    assert rows.count() == 4
    assert "1 phiếu (100,0%)" in rows.nth(1).inner_text()
    bar = rows.nth(1).locator(".poll-results__bar rect").bounding_box()
    track = rows.nth(1).locator(".poll-results__bar").bounding_box()
    assert bar["width"] == pytest.approx(track["width"], abs=1)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the results page overflows by {overflow}px at {label} width"
    screenshot(page, f"poll-results-{label}")

    # A second vote from the same browser is refused politely and changes nothing.
    page.goto(live_server.url + "/")
    page.locator(".poll").get_by_label("Rất hữu ích").check()
    page.locator(".poll").get_by_role("button", name="Gửi bình chọn").click()
    page.wait_for_load_state()
    assert "Bạn đã bình chọn trong cuộc thăm dò này rồi" in page.locator(".messages").inner_text()
    assert "Tổng số: 1 lượt bình chọn" in page.content()
    page.goto(live_server.url + "/")
    screenshot(page, f"home-with-poll-and-links-{label}")
    page.close()


def test_print_view_shows_the_article_alone(live_server, browser, content, screenshot):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + content["article"].get_absolute_url())
    assert page.get_by_role("button", name="In bài viết").is_visible()
    page.emulate_media(media="print")
    for selector in [".mainnav", ".topbar", ".sidebar", "#binh-luan", ".site-parts", ".footer", ".print-button"]:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1.article__title").is_visible()
    assert page.locator(".article__body").is_visible()
    screenshot(page, "article-print-desktop")
    page.close()


@pytest.mark.parametrize(("size", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_a_file_that_lies_about_its_type_is_refused_in_vietnamese(
    live_server, browser, content, screenshot, tmp_path, size, label
):
    fake = tmp_path / "anh.jpg"
    fake.write_text("<html><script>alert(1)</script></html>")
    page = browser.new_page(viewport=size)
    page.goto(live_server.url + content["article"].get_absolute_url())
    page.get_by_label("Họ và tên").fill("Phạm Minh")
    page.get_by_label("Thư điện tử (không hiển thị)").fill("minh@example.vn")
    page.get_by_label("Nội dung").fill("Gửi kèm một tệp ảnh.")
    page.get_by_label("Tệp đính kèm").set_input_files(str(fake))
    page.get_by_label("Tôi đồng ý để Ban biên tập xử lý họ tên").check()
    page.get_by_role("button", name="Gửi bình luận").click()
    page.wait_for_load_state()
    assert "Nội dung tệp này không phải các loại đó" in page.locator(".field--error").inner_text()
    assert page.get_by_label("Nội dung").input_value() == "Gửi kèm một tệp ảnh."
    assert not Comment.objects.exists()
    screenshot(page, f"comment-refused-{label}")
    page.close()
