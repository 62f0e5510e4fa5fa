"""The picture library: alt text required, copies cropped around the focal point, reuse, usage, safe deletion."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.library.models import LibraryImage
from portal.uploads.renditions import RENDITIONS, rendition_name
from tests.factories import make_article
from tests.news.workflow_helpers import post_change

pytestmark = pytest.mark.django_db


def striped_jpeg(width=1600, height=1000) -> bytes:
    """Left half red, right half blue: where a crop was taken shows in its colour."""
    image = Image.new("RGB", (width, height), (220, 20, 20))
    image.paste((20, 20, 220), (width // 2, 0, width, height))
    out = io.BytesIO()
    image.save(out, "JPEG")
    return out.getvalue()


def library_image(title="Hội nghị", **fields) -> LibraryImage:
    image = LibraryImage(title=title, alt_text=fields.pop("alt_text", "Quang cảnh hội nghị"), **fields)
    image.file.save("hoi-nghi.jpg", ContentFile(striped_jpeg()), save=False)
    image.save()
    return image


def upload_data(**overrides):
    return {
        "file": SimpleUploadedFile("anh.jpg", striped_jpeg()),
        "title": "Đại hội chi bộ",
        "alt_text": "Đảng viên biểu quyết",
        "caption": "",
        "author": "Lâm Anh",
        "keywords": "đại hội, chi bộ",
        "focal_x": "50",
        "focal_y": "50",
        **overrides,
    }


def test_an_upload_without_alt_text_is_refused(client, writer):
    client.force_login(writer)
    response = client.post(reverse("admin:library_libraryimage_add"), upload_data(alt_text=""))
    assert response.status_code == 200
    assert not LibraryImage.objects.exists()


def test_a_writer_uploads_and_copies_are_made(client, writer):
    client.force_login(writer)
    assert client.post(reverse("admin:library_libraryimage_add"), upload_data()).status_code == 302
    image = LibraryImage.objects.get()
    assert image.uploaded_by == writer
    assert all(default_storage.exists(rendition_name(image.file.name, key)) for key in RENDITIONS)


def test_the_social_card_keeps_the_focal_point_in_frame():
    # 3:1, wider than the card's 1200×630: the card is a crop of the width, placed by the focal point.
    right = LibraryImage(title="Toàn cảnh", alt_text="Toàn cảnh", focal_x=100)
    right.file.save("toan-canh.jpg", ContentFile(striped_jpeg(3000, 1000)), save=False)
    right.save()
    with default_storage.open(rendition_name(right.file.name, "og")) as card:
        assert Image.open(card).convert("RGB").getpixel((600, 315))[2] > 150  # blue: the right half
    right.focal_x = 0
    right.save()  # a moved focal point remakes the crop
    with default_storage.open(rendition_name(right.file.name, "og")) as card:
        assert Image.open(card).convert("RGB").getpixel((600, 315))[0] > 150  # red: the left half


def test_library_search_finds_by_title_author_keywords(client, editor):
    library_image("Hội nghị sơ kết", author="Hải An", keywords="chỉ thị 05")
    library_image("Trao giải hội thi")
    client.force_login(editor)
    url = reverse("admin:library_libraryimage_changelist")
    assert "Hội nghị sơ kết" in client.get(url, {"q": "Hải An"}).content.decode()
    html = client.get(url, {"q": "chỉ thị"}).content.decode()
    assert "Hội nghị sơ kết" in html and "Trao giải hội thi" not in html


def test_the_picker_lists_pictures_with_their_alt_text(client, writer):
    image = library_image("Ảnh để chèn")
    client.force_login(writer)
    html = client.get(reverse("admin:library_libraryimage_picker"), {"target": "cover", "q": "chèn"}).content.decode()
    assert f'data-id="{image.pk}"' in html and 'data-alt="Quang cảnh hội nghị"' in html
    assert "Làm ảnh đại diện" in html


def test_a_library_picture_becomes_a_cover_and_is_counted_as_used(client, editor):
    image = library_image()
    article = make_article(cover="")
    client.force_login(editor)
    assert post_change(client, article, library_cover=image.pk, _save="Lưu").status_code == 302
    article.refresh_from_db()
    assert article.cover.name == image.file.name  # the library's own file, not a copy
    assert list(image.articles.all()) == [article]
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"/media/renditions/{image.file.name}/w640.jpg 640w" in html


def test_a_library_picture_in_the_body_is_counted_and_gets_its_srcset(client):
    image = library_image()
    article = make_article(body=f'<figure class="image"><img src="{image.file.url}" alt="Hội nghị"></figure>')
    assert list(image.articles.all()) == [article]
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"/media/renditions/{image.file.name}/w320.jpg 320w" in html
    article.body = "<p>Bỏ ảnh.</p>"
    article.save()
    assert not image.articles.exists()


def test_a_picture_in_use_cannot_be_deleted_an_unused_one_goes_with_its_files(
    client, editor, django_capture_on_commit_callbacks
):
    used, unused = library_image("Đang dùng"), library_image("Chưa dùng")
    make_article(cover=used.file.name)
    client.force_login(editor)
    assert client.post(reverse("admin:library_libraryimage_delete", args=[used.pk]), {"post": "yes"}).status_code == 403
    names = [unused.file.name, *(rendition_name(unused.file.name, key) for key in RENDITIONS)]
    assert all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:library_libraryimage_changelist"),
            {"action": "delete_unused", "_selected_action": [used.pk, unused.pk]},
            follow=True,
        )
    html = response.content.decode()
    assert "Đã xóa 1 ảnh." in html and "Giữ lại 1 ảnh" in html
    assert list(LibraryImage.objects.values_list("title", flat=True)) == ["Đang dùng"]
    assert not any(default_storage.exists(name) for name in names)  # no orphan file, no orphan copy
    assert default_storage.exists(used.file.name)


def test_the_list_says_how_many_articles_use_each_picture(client, editor):
    image = library_image()
    make_article(cover=image.file.name)
    make_article(body=f'<p><img src="{image.file.url}" alt="x"></p>')
    client.force_login(editor)
    assert "dùng trong 2 bài" in client.get(reverse("admin:library_libraryimage_changelist")).content.decode()
