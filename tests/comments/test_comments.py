"""Readers' comments: nothing appears unapproved, attachments are checked and kept private, spam is refused."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.comments.models import BlockedWord, Comment, CommentSettings
from news.comments.services import approve_comments
from tests.comments.helpers import post
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 20, 20)).save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def article():
    return make_article("Chi bộ sinh hoạt chuyên đề tháng 11")


def private_files() -> list:
    root = settings.PRIVATE_MEDIA_ROOT / "comments"
    return sorted(root.iterdir()) if root.exists() else []


class ModerationTests:
    def test_article_page_invites_a_comment_and_says_it_will_be_reviewed(self, client, article):
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Hiện tại chưa có bình luận" in html
        assert "Viết bình luận" in html
        assert "Ban biên tập xem xét trước khi hiển thị" in html
        assert "Tối đa 3.000 ký tự." in html

    def test_a_new_comment_waits_and_is_not_visible_until_approved(self, client, article, editor):
        response = post(client, article, text="Ý kiến chờ Ban biên tập duyệt nhé.")
        assert response.status_code == 302
        assert response["Location"].endswith("#binh-luan")
        comment = Comment.objects.get()
        assert comment.status == Comment.Status.PENDING
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Ý kiến chờ Ban biên tập duyệt nhé." not in html
        assert "Hiện tại chưa có bình luận" in html

        approve_comments(comments=Comment.objects.all(), by=editor)
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Ý kiến chờ Ban biên tập duyệt nhé." in html
        assert "Nguyễn Văn An" in html
        assert "an@example.vn" not in html  # the email is never shown

    @pytest.mark.parametrize("status", [Comment.Status.PENDING, Comment.Status.REJECTED])
    def test_unapproved_comments_never_appear_anywhere_public(self, client, article, status):
        Comment.objects.create(article=article, name="X", email="x@example.vn", text="Bí mật chưa duyệt", status=status)
        for url in [article.get_absolute_url(), "/", reverse("news:latest")]:
            assert "Bí mật chưa duyệt" not in client.get(url).content.decode()

    def test_the_success_message_says_the_comment_awaits_review(self, client, article):
        response = post(client, article)
        html = client.get(response["Location"]).content.decode()
        assert "sẽ hiển thị sau khi được Ban biên tập duyệt" in html

    def test_comments_of_an_unpublished_article_cannot_be_posted(self, client, article):
        article.status = article.Status.DRAFT
        article.save()
        assert post(client, article).status_code == 404
        assert not Comment.objects.exists()


class ClosingTests:
    def test_closed_article_shows_no_form_and_refuses_posts(self, client, article):
        article.allow_comments = False
        article.save()
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Viết bình luận" not in html
        assert "đã đóng bình luận" in html
        post(client, article)
        assert not Comment.objects.exists()

    def test_site_wide_switch_closes_every_article(self, client, article):
        settings_row = CommentSettings.current()
        settings_row.comments_open = False
        settings_row.save()
        assert "Viết bình luận" not in client.get(article.get_absolute_url()).content.decode()
        post(client, article)
        assert not Comment.objects.exists()


class AttachmentTests:
    @pytest.mark.parametrize(
        ("name", "content", "kind"),
        [("anh.png", png_bytes(), "png"), ("van-ban.pdf", PDF, "pdf"), ("bao-cao.docx", docx_bytes(), "docx")],
    )
    def test_images_pdf_and_word_are_accepted_and_kept_privately(self, client, article, name, content, kind):
        response = post(client, article, attachment=SimpleUploadedFile(name, content, "application/octet-stream"))
        assert response.status_code == 302
        comment = Comment.objects.get()
        assert comment.attachment_type == kind
        path = comment.attachment.path
        assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
        assert not path.startswith(str(settings.MEDIA_ROOT))
        assert path.endswith(f".{kind}")

    def test_a_photo_is_kept_without_its_gps_position(self, client, article):
        exif = Image.Exif()
        exif[0x010F] = "Điện thoại của bạn đọc"  # camera maker
        exif.get_ifd(0x8825)[2] = (10.0, 45.0, 30.0)  # GPS latitude
        buffer = io.BytesIO()
        Image.new("RGB", (80, 60), (20, 120, 20)).save(buffer, "JPEG", exif=exif)
        assert Image.open(io.BytesIO(buffer.getvalue())).getexif()  # what a phone sends
        post(client, article, attachment=SimpleUploadedFile("Ảnh tại hiện trường.jpg", buffer.getvalue()))
        comment = Comment.objects.get()
        assert (comment.attachment_type, comment.attachment_name) == ("jpg", "Ảnh tại hiện trường.jpg")
        with Image.open(comment.attachment.path) as stored:
            assert stored.format == "JPEG" and stored.size == (80, 60)
            assert not stored.getexif()
        assert b"GPS" not in Path(comment.attachment.path).read_bytes()

    def test_a_picture_bomb_is_refused_like_any_picture(self, client, article, settings):
        settings.IMAGE_MAX_PIXELS = 1000
        before = private_files()
        response = post(client, article, attachment=SimpleUploadedFile("anh.png", png_bytes()))  # 1,200 pixels
        assert "quá nhiều điểm ảnh" in response.content.decode()
        assert not Comment.objects.exists() and private_files() == before

    def test_a_file_that_lies_about_its_type_is_refused(self, client, article):
        before = private_files()
        fake = SimpleUploadedFile("anh.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")
        response = post(client, article, attachment=fake)
        assert response.status_code == 400
        assert "Nội dung tệp này không phải các loại đó" in response.content.decode()
        assert not Comment.objects.exists()
        assert private_files() == before

    def test_a_zip_named_docx_is_refused(self, client, article):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("index.html", "<script>alert(1)</script>")
        response = post(client, article, attachment=SimpleUploadedFile("bao-cao.docx", buffer.getvalue()))
        assert response.status_code == 400
        assert not Comment.objects.exists()

    def test_a_file_over_10_mb_is_refused_and_nothing_is_saved(self, client, article):
        before = private_files()
        big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (10 * 1024 * 1024), "application/pdf")
        response = post(client, article, attachment=big)
        assert response.status_code == 400
        assert "không được lớn hơn 10 MB" in response.content.decode()
        assert not Comment.objects.exists()
        assert private_files() == before

    def test_attachment_is_downloaded_never_shown_inline(self, client, article, editor):
        post(client, article, attachment=SimpleUploadedFile("Ảnh hội nghị.png", png_bytes()))
        comment = Comment.objects.get()
        url = comment.get_attachment_url()
        # Readers cannot fetch it before approval; a moderator can.
        assert client.get(url).status_code == 404
        client.force_login(editor)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert 'filename="anh-hoi-nghi.png"' in response["Content-Disposition"]
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content) == png_bytes()
        client.logout()
        approve_comments(comments=Comment.objects.all(), by=editor)
        assert client.get(url).status_code == 200
        assert url in client.get(article.get_absolute_url()).content.decode()

    def test_the_attachment_is_not_under_the_public_media_url(self, client, article, editor):
        post(client, article, attachment=SimpleUploadedFile("a.pdf", PDF))
        comment = Comment.objects.get()
        approve_comments(comments=Comment.objects.all(), by=editor)
        assert client.get(settings.MEDIA_URL + comment.attachment.name).status_code == 404


class SpamTests:
    def test_honeypot_refuses_with_a_message(self, client, article):
        response = post(client, article, website="http://spam.example")
        assert response.status_code == 400
        assert "điền tự động" in response.content.decode()
        assert not Comment.objects.exists()

    @pytest.mark.parametrize(
        "text",
        [
            "\u200b\u200b\u200b\u200b\u200b\u200b",  # zero-width spaces
            "\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f",  # joiners, word joiner, BOM, soft hyphen, bidi marks
            " \u202e\u2066\u2069\u3000\u00a0\u3164\u034f ",  # bidi overrides and isolates, wide spaces, fillers
        ],
    )
    def test_a_comment_of_invisible_characters_is_refused(self, client, article, text):
        response = post(client, article, text=text)
        assert response.status_code == 400
        assert "ký tự không hiển thị" in response.content.decode()
        assert not Comment.objects.exists()

    def test_a_name_of_invisible_characters_is_refused(self, client, article):
        response = post(client, article, name="\u200b\u200d\ufeff")
        assert response.status_code == 400
        assert "Vui lòng nhập họ và tên" in response.content.decode()
        assert not Comment.objects.exists()

    def test_length_limit_comes_from_the_settings(self, client, article):
        settings_row = CommentSettings.current()
        settings_row.max_length = 100
        settings_row.save()
        response = post(client, article, text="a" * 101)
        assert response.status_code == 400
        assert "dài tối đa 100 ký tự" in response.content.decode()
        assert post(client, article, text="a" * 100).status_code == 302

    def test_blocked_words_match_without_diacritics_or_case_and_whole_words_only(self, client, article):
        BlockedWord.objects.create(word="Cờ bạc")
        response = post(client, article, text="Mời tham gia CO   BAC trực tuyến")
        assert response.status_code == 400
        assert "từ ngữ không phù hợp" in response.content.decode()
        assert not Comment.objects.exists()
        # "cơ bắp" folds to "co bap", not "co bac"; and the word inside another word does not match.
        assert post(client, article, text="Rèn luyện cơ bắp, cobaclon không sao").status_code == 302

    def test_blocked_word_list_changes_take_effect_at_once(self, client, article):
        assert post(client, article, text="Nội dung có chữ xyzabc ở giữa").status_code == 302
        BlockedWord.objects.create(word="xyzabc")
        assert post(client, article, text="Nội dung có chữ xyzabc ở giữa", ip="10.0.0.2").status_code == 400

    def test_rate_limit_per_visitor(self, client, article):
        limit = settings.COMMENT_RATE_LIMIT
        for n in range(limit):
            assert post(client, article, text=f"Bình luận số {n} của tôi").status_code == 302
        response = post(client, article, text="Một bình luận nữa")
        assert response.status_code == 429
        assert "nhiều bình luận trong thời gian ngắn" in response.content.decode()
        assert Comment.objects.count() == limit
        # Another visitor is not affected.
        assert post(client, article, ip="10.0.0.9").status_code == 302

    def test_invalid_forms_do_not_use_up_the_rate_limit(self, client, article):
        for _ in range(settings.COMMENT_RATE_LIMIT + 2):
            post(client, article, text="x")
        assert post(client, article).status_code == 302

    def test_get_on_the_post_address_goes_back_to_the_article(self, client, article):
        response = client.get(reverse("comments:comment-post", kwargs={"slug": article.slug}))
        assert response.status_code == 302


class AdminTests:
    def test_queue_opens_on_pending_comments(self, client, article, editor):
        Comment.objects.create(article=article, name="A", email="a@example.vn", text="Đang chờ duyệt")
        Comment.objects.create(article=article, name="B", email="b@example.vn", text="Đã duyệt", status="approved")
        client.force_login(editor)
        html = client.get(reverse("admin:comments_comment_changelist")).content.decode()
        assert "Đang chờ duyệt" in html
        assert "Đã duyệt</" not in html.split("result_list")[1].split("</table>")[0]

    def test_bulk_approve_and_reject(self, client, article, editor):
        comments = [
            Comment.objects.create(article=article, name=f"N{n}", email="n@example.vn", text=f"Ý kiến {n}")
            for n in range(3)
        ]
        client.force_login(editor)
        url = reverse("admin:comments_comment_changelist")
        client.post(url, {"action": "approve", "_selected_action": [comments[0].pk, comments[1].pk]})
        client.post(url, {"action": "reject", "_selected_action": [comments[2].pk]})
        statuses = dict(Comment.objects.values_list("pk", "status"))
        assert statuses == {comments[0].pk: "approved", comments[1].pk: "approved", comments[2].pk: "rejected"}
        assert Comment.objects.filter(moderated_by=editor).count() == 3
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Ý kiến 0" in html and "Ý kiến 2" not in html

    def test_moderator_edits_the_text_before_approving(self, client, article, editor):
        comment = Comment.objects.create(article=article, name="C", email="c@example.vn", text="Sai chính tả nhiu")
        client.force_login(editor)
        response = client.post(
            reverse("admin:comments_comment_change", args=[comment.pk]),
            {"name": "C", "email": "c@example.vn", "text": "Sai chính tả nhiều", "status": "approved"},
        )
        assert response.status_code == 302
        comment.refresh_from_db()
        assert comment.text == "Sai chính tả nhiều"
        assert comment.status == "approved"
        assert comment.moderated_by == editor
        assert "Sai chính tả nhiều" in client.get(article.get_absolute_url()).content.decode()

    def test_administrators_manage_blocked_words_and_settings(self, client, administrator):
        client.force_login(administrator)
        response = client.post(reverse("admin:comments_blockedword_add"), {"word": "quảng cáo"})
        assert response.status_code == 302
        assert BlockedWord.found_in("QUANG CAO giá rẻ")
        response = client.get(reverse("admin:comments_commentsettings_changelist"))
        assert response.status_code == 302
        response = client.post(response["Location"], {"comments_open": "", "max_length": "500"})
        assert response.status_code == 302
        assert CommentSettings.current().comments_open is False
        assert CommentSettings.current().max_length == 500


def test_article_page_queries_do_not_grow_with_comments(client, article, django_assert_max_num_queries):
    for n in range(30):
        Comment.objects.create(
            article=article, name=f"Bạn đọc {n}", email="b@example.vn", text="Hay", status="approved"
        )
    client.get(article.get_absolute_url())  # warm the cached blocks
    with django_assert_max_num_queries(12):
        response = client.get(article.get_absolute_url())
    assert response.content.decode().count('class="comment"') == 30


def test_a_comment_behind_a_proxy_that_sends_no_address_is_still_received(client, article, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    client.defaults["HTTP_X_FORWARDED_FOR"] = "unknown"
    response = post(client, article)
    assert response.status_code == 302
    assert Comment.objects.get().ip_address is None


def test_deleting_a_comment_removes_its_private_file(client, article):
    post(client, article, attachment=SimpleUploadedFile("a.pdf", PDF))
    comment = Comment.objects.get()
    path = comment.attachment.path
    assert (settings.PRIVATE_MEDIA_ROOT / comment.attachment.name).exists()
    article.delete()
    assert not Comment.objects.exists()
    assert not (settings.PRIVATE_MEDIA_ROOT / comment.attachment.name).exists(), path
