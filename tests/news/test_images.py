"""Uploaded pictures: real images only, size and pixel limits, EXIF gone, orientation applied, renditions made."""

import io
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from news.images import RENDITIONS, rendition_name
from news.models import Article
from tests.factories import EMPTY_ARTICLE_INLINES, make_article, make_category

pytestmark = pytest.mark.django_db

BOMB_MESSAGE = "Ảnh có quá nhiều điểm ảnh"


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG that claims ``width`` x ``height`` pixels in a few dozen bytes: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def camera_jpeg(width=40, height=20) -> bytes:
    """A photo as a phone stores it: landscape pixels, EXIF saying "rotate 90°", the camera and a GPS position."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "Điện thoại của phóng viên"  # Make
    exif[0x8825] = {1: "N", 2: (10.0, 32.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def add_with_cover(client, cover):
    data = {
        "title": "Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05",
        "slug": "",
        "lead": "Đảng ủy Sở tổ chức hội nghị sơ kết.",
        "body": "<p>Nội dung.</p>",
        "cover": cover,
        "cover_caption": "Quang cảnh hội nghị. Ảnh: Lâm Anh",
        "category": make_category().pk,
        "new_tags": "",
        "author_name": "HẢI AN",
        "source": "",
        "allow_comments": "on",
        "published_at_0": "",
        "published_at_1": "",
        "_publish": "Đăng",
        **EMPTY_ARTICLE_INLINES,
    }
    return client.post(reverse("admin:news_article_add"), data)


class CoverUploadTests:
    def test_a_file_named_jpg_that_is_not_an_image_is_refused(self, client, editor):
        client.force_login(editor)
        response = add_with_cover(client, SimpleUploadedFile("anh.jpg", b"<?php echo 'xin chao'; ?>"))
        assert response.status_code == 200
        assert "Tệp không phải là ảnh hợp lệ" in response.content.decode()
        assert not Article.objects.exists()

    @pytest.mark.parametrize("size", [(8000, 8000), (30000, 30000)], ids=["over-our-limit", "over-pillows-limit"])
    def test_a_decompression_bomb_is_refused_with_a_message(self, client, editor, size):
        client.force_login(editor)
        response = add_with_cover(client, SimpleUploadedFile("bom.png", png_header_only(*size)))
        assert response.status_code == 200
        assert BOMB_MESSAGE in response.content.decode()
        assert not Article.objects.exists()

    @override_settings(IMAGE_MAX_UPLOAD_MB=1)
    def test_a_file_over_the_size_limit_is_refused(self, client, editor):
        client.force_login(editor)
        response = add_with_cover(client, SimpleUploadedFile("lon.jpg", camera_jpeg() + b"\0" * (1024 * 1024)))
        assert response.status_code == 200
        assert "Ảnh quá lớn: tối đa 1 MB." in response.content.decode()

    def test_exif_is_stripped_the_photo_turned_and_renditions_made(self, client, editor):
        client.force_login(editor)
        response = add_with_cover(client, SimpleUploadedFile("Ảnh hội nghị.jpg", camera_jpeg()))
        assert response.status_code == 302, response.context["adminform"].form.errors
        article = Article.objects.get()
        assert article.cover.name.endswith("/anh-hoi-nghi.jpg")
        with default_storage.open(article.cover.name) as stored:
            image = Image.open(stored)
            assert image.size == (20, 40)  # turned upright
            assert not image.getexif()  # no orientation, camera or GPS left
        for key in RENDITIONS:
            assert default_storage.exists(rendition_name(article.cover.name, key)), key
        with default_storage.open(rendition_name(article.cover.name, "og")) as card:
            assert Image.open(card).size == (1200, 630)

    def test_lists_offer_srcset_and_lazy_loading(self, client, editor):
        client.force_login(editor)
        add_with_cover(client, SimpleUploadedFile("anh.jpg", camera_jpeg(1600, 1000)))
        article = Article.objects.get()
        html = client.get(reverse("news:latest")).content.decode()
        copies = f"/media/renditions/{article.cover.name}"
        assert f'srcset="{copies}/w320.jpg 320w, {copies}/w640.jpg 640w, {copies}/w1200.jpg 1200w"' in html
        assert 'loading="lazy"' in html
        detail = client.get(article.get_absolute_url()).content.decode()
        assert f'{copies}/og.jpg"' in detail  # the social card
        assert f"{copies}/w640.jpg 640w" in detail


class EditorUploadTests:
    url = "/ckeditor5/image_upload/"

    def test_the_editor_endpoint_is_ours(self):
        assert reverse("ck_editor_5_upload_file") == self.url

    def test_a_fake_image_gets_a_vietnamese_error(self, client, editor):
        client.force_login(editor)
        response = client.post(self.url, {"upload": SimpleUploadedFile("anh.jpg", b"GIF89a but not really")})
        assert response.status_code == 400
        assert "không phải là ảnh hợp lệ" in response.json()["error"]["message"]

    def test_a_bomb_gets_a_vietnamese_error(self, client, editor):
        client.force_login(editor)
        response = client.post(self.url, {"upload": SimpleUploadedFile("bom.png", png_header_only(50000, 50000))})
        assert response.status_code == 400
        assert BOMB_MESSAGE in response.json()["error"]["message"]

    def test_a_photo_is_stored_upright_without_exif_under_an_ascii_name(self, client, editor):
        client.force_login(editor)
        response = client.post(self.url, {"upload": SimpleUploadedFile("Ảnh Đại hội.jpg", camera_jpeg())})
        assert response.status_code == 200
        url = response.json()["url"]
        assert url.endswith("/anh-dai-hoi.jpg") and "/editor/" in url
        name = url.split("/media/", 1)[1]
        with default_storage.open(name) as stored:
            image = Image.open(stored)
            assert image.size == (20, 40)
            assert not image.getexif()

    def test_pictures_in_the_body_get_widths_and_lazy_loading(self, client, editor):
        client.force_login(editor)
        response = client.post(self.url, {"upload": SimpleUploadedFile("tap-the.jpg", camera_jpeg(1600, 900))})
        url = response.json()["url"]
        copies = "/media/renditions/" + url.split("/media/", 1)[1]
        article = make_article(body=f'<figure class="image"><img src="{url}" alt="Tập thể"></figure>')
        html = client.get(article.get_absolute_url()).content.decode()
        assert f'srcset="{copies}/w320.jpg 320w, {copies}/w640.jpg 640w, {copies}/w1200.jpg 1200w"' in html
        assert f'<img src="{url}" alt="Tập thể" loading="lazy" decoding="async"' in html

    def test_a_file_named_like_a_resized_copy_is_never_served_in_its_place(self, client, editor):
        """A writer's "anh-w640.jpg" used to be taken for the 640 px copy of another writer's "anh.jpg"."""
        client.force_login(editor)
        decoy = client.post(self.url, {"upload": SimpleUploadedFile("anh-w640.jpg", camera_jpeg(700, 300))})
        real = client.post(self.url, {"upload": SimpleUploadedFile("anh.jpg", camera_jpeg(1600, 900))})
        decoy_url, real_url = decoy.json()["url"], real.json()["url"]
        article = make_article(body=f'<p><img src="{real_url}" alt="Ảnh thật"></p>')
        html = client.get(article.get_absolute_url()).content.decode()
        srcset = html.split('srcset="', 1)[1].split('"', 1)[0]
        assert decoy_url not in srcset
        name = srcset.split(" 640w")[0].split(", ")[-1].split("/media/", 1)[1]
        with default_storage.open(name) as copy:
            assert Image.open(copy).size[0] == 640  # resized from the real picture (1600 px wide, upright 900)

    def test_a_second_upload_with_the_same_name_keeps_its_own_srcset(self, client, editor):
        client.force_login(editor)
        first = client.post(self.url, {"upload": SimpleUploadedFile("hoi-nghi.jpg", camera_jpeg(1600, 900))})
        second = client.post(self.url, {"upload": SimpleUploadedFile("hoi-nghi.jpg", camera_jpeg(1400, 800))})
        urls = [first.json()["url"], second.json()["url"]]
        assert urls[0] != urls[1]
        for url in urls:
            article = make_article(body=f'<p><img src="{url}" alt="Hội nghị"></p>')
            html = client.get(article.get_absolute_url()).content.decode()
            copies = "/media/renditions/" + url.split("/media/", 1)[1]
            assert f"{copies}/w640.jpg 640w" in html

    def test_readers_cannot_upload(self, client):
        response = client.post(self.url, {"upload": SimpleUploadedFile("anh.jpg", camera_jpeg())})
        assert response.status_code == 403


def test_make_renditions_makes_the_missing_copies_once(editor, client, tmp_path):
    from django.core.management import call_command

    client.force_login(editor)
    add_with_cover(client, SimpleUploadedFile("anh.jpg", camera_jpeg(1600, 1000)))
    article = Article.objects.get()
    for key in RENDITIONS:
        default_storage.delete(rendition_name(article.cover.name, key))
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "Đã tạo 4 bản thu nhỏ." in out.getvalue()
    assert all(default_storage.exists(rendition_name(article.cover.name, key)) for key in RENDITIONS)
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "Đã tạo 0 bản thu nhỏ." in out.getvalue()
