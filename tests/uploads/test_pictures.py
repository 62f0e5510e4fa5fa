"""Every picture of the portal goes through the same checks: good models, exemplars, banners, video posters.

A photo keeps no EXIF (GPS position) once stored; a decompression bomb, a file over the size limit or a file that
is not an image is refused in the admin with a Vietnamese message, nothing is saved and no file is left behind;
what a polyglot hides after its pixels is dropped, because only the pixels are written back.
"""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from campaigns.models import Exemplar, GoodModel
from portal.site_parts.models import BannerLink, Video
from tests.factories import make_unit
from tests.news.test_images import BOMB_MESSAGE, camera_jpeg, png_header_only

pytestmark = pytest.mark.django_db


def inline_management(prefix):
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def good_model_data():
    return {
        "name": "Nụ cười tiếp dân",
        "unit": make_unit().pk,
        "started_on": "2024-02-01",
        "summary": "Tiếp dân với nụ cười.",
        "results": "950 buổi tiếp dân",
        **inline_management("awards"),
    }


def exemplar_data():
    return {
        "name": "Đồng chí Lê Thị Hoa",
        "kind": Exemplar.Kind.INDIVIDUAL,
        "achievements": "Tận tụy với công việc.",
        **inline_management("awards"),
    }


def banner_data():
    return {"title": "Cổng thông tin Chính phủ", "url": "https://chinhphu.vn", "position": "0", "is_active": "on"}


def video_data():
    return {
        "title": "Hội nghị sơ kết",
        "embed_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "position": "0",
        "is_active": "on",
    }


# (admin URL name, model, picture field, the rest of the form)
PICTURES = {
    "good model cover": ("admin:campaigns_goodmodel_add", GoodModel, "cover", good_model_data),
    "exemplar photo": ("admin:campaigns_exemplar_add", Exemplar, "photo", exemplar_data),
    "banner image": ("admin:site_parts_bannerlink_add", BannerLink, "image", banner_data),
    "video poster": ("admin:site_parts_video_add", Video, "poster", video_data),
}


@pytest.fixture(params=PICTURES.values(), ids=PICTURES.keys())
def picture(request):
    return request.param


def add(client, picture, upload):
    url_name, _model, field, data = picture
    return client.post(reverse(url_name), {**data(), field: upload, "_save": "Lưu"})


def media_files() -> set[str]:
    return {str(path) for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()}


def jpeg(size=(30, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def jpeg_with_zip() -> bytes:
    """A JPEG with a ZIP archive appended: image viewers show the picture, unzip finds the archive."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.html", "<script>alert(1)</script>")
    return jpeg() + archive.getvalue()


def gif_with_html() -> bytes:
    """A GIF whose comment block carries an HTML page: a browser sniffing the bytes may run it."""
    out = io.BytesIO()
    Image.new("P", (8, 8), 1).save(out, "GIF", comment=b"<html><script>alert(1)</script></html>")
    return out.getvalue()


def test_a_photo_is_stored_upright_without_exif(client, administrator, picture):
    _url, model, field, _data = picture
    client.force_login(administrator)
    response = add(client, picture, SimpleUploadedFile("ảnh chụp.jpg", camera_jpeg(), content_type="image/jpeg"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    stored = getattr(model.objects.get(), field)
    with Image.open(stored.path) as image:
        assert not image.getexif()
        assert image.size == (20, 40)  # turned as the camera said
    assert stored.name.endswith("/anh-chup.jpg")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (png_header_only(12_000, 9_000), BOMB_MESSAGE),
        (b"<html><script>alert(1)</script></html>", "không phải là ảnh hợp lệ"),
        (b"%PDF-1.7\n" + b"0" * 2000, "không phải là ảnh hợp lệ"),
    ],
    ids=["decompression bomb", "html named jpg", "pdf named jpg"],
)
def test_a_file_that_is_not_a_safe_image_is_refused_and_nothing_is_kept(
    client, administrator, picture, content, message
):
    _url, model, _field, _data = picture
    client.force_login(administrator)
    before = media_files()
    response = add(client, picture, SimpleUploadedFile("anh.jpg", content, content_type="image/jpeg"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not model.objects.exists()
    assert media_files() == before


@override_settings(IMAGE_MAX_UPLOAD_MB=1)
def test_a_file_over_the_size_limit_is_refused_and_nothing_is_kept(client, administrator, picture):
    _url, model, _field, _data = picture
    client.force_login(administrator)
    before = media_files()
    big = jpeg() + b"\0" * (1024 * 1024)
    response = add(client, picture, SimpleUploadedFile("anh.jpg", big, content_type="image/jpeg"))
    assert response.status_code == 200
    assert "Ảnh quá lớn: tối đa 1 MB." in response.content.decode()
    assert not model.objects.exists()
    assert media_files() == before


@pytest.mark.parametrize(
    ("content", "name"), [(jpeg_with_zip(), "anh.jpg"), (gif_with_html(), "anh.gif")], ids=["jpeg+zip", "gif+html"]
)
def test_what_a_polyglot_hides_is_not_stored(client, administrator, picture, content, name):
    _url, model, field, _data = picture
    client.force_login(administrator)
    response = add(client, picture, SimpleUploadedFile(name, content, content_type="image/jpeg"))
    assert response.status_code == 302
    stored = getattr(model.objects.get(), field)
    with stored.open("rb") as saved:
        data = saved.read()
    assert b"PK\x03\x04" not in data
    assert b"<script" not in data
