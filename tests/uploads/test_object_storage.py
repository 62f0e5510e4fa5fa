"""MEDIA_STORAGE=s3: pictures saved through the portal's own upload paths land in an S3-compatible server and read back.

The server is moto's S3 in server mode (a real HTTP endpoint on a loopback port, started here), so django-storages
and boto3 speak to it exactly as they would to MinIO or a cloud's object storage.
"""

import io
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from news.images import RENDITIONS, rendition_name
from news.models import Article
from portal.uploads.storage import STORED_NOWHERE
from tests.news.test_images import add_with_cover, camera_jpeg
from tests.redis_server import free_port
from tests.services import missing

pytestmark = pytest.mark.django_db

PUBLIC, PRIVATE = "portal-media", "portal-private"


def public_read_policy(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
        ],
    }


class S3Server:
    def __init__(self):
        try:
            import boto3
            import moto.server  # noqa: F401
        except ImportError:
            missing("moto[server] is not installed (requirements-dev.txt): no S3-compatible server to test against")
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = boto3.client(
            "s3", endpoint_url=self.endpoint, region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
        )
        for _ in range(100):
            try:
                self.client.list_buckets()
                break
            except Exception:
                time.sleep(0.1)
        else:
            self.stop()
            pytest.fail("moto's S3 server did not start")
        for bucket in (PUBLIC, PRIVATE):
            self.client.create_bucket(Bucket=bucket)
        # What README "Scaling out" asks of the operator: anyone may read the public bucket, nobody the private one.
        self.client.put_bucket_policy(Bucket=PUBLIC, Policy=json.dumps(public_read_policy(PUBLIC)))

    def keys(self, bucket: str) -> set[str]:
        return {item["Key"] for item in self.client.list_objects_v2(Bucket=bucket).get("Contents", [])}

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture
def s3(monkeypatch):
    server = S3Server()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "k")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "s")
    # What portal/settings.py sets for MEDIA_STORAGE=s3 with these buckets and endpoint.
    with override_settings(
        AWS_STORAGE_BUCKET_NAME=PUBLIC,
        AWS_S3_ENDPOINT_URL=server.endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_QUERYSTRING_AUTH=False,
        AWS_S3_FILE_OVERWRITE=False,
        AWS_S3_OBJECT_PARAMETERS={"CacheControl": "public, max-age=604800"},
        STORAGES={
            "default": {"BACKEND": "portal.uploads.storage.WholeS3Storage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            "private": {
                "BACKEND": "portal.uploads.storage.WholeS3Storage",
                "OPTIONS": {"bucket_name": PRIVATE, "querystring_auth": True, "custom_domain": None},
            },
        },
        CKEDITOR_5_FILE_STORAGE="news.storage.EditorImageS3Storage",
    ):
        yield server
    server.stop()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the test's own loopback server)
        return response.read()


def test_a_cover_uploaded_in_the_admin_is_stored_in_the_bucket_and_served_from_it(s3, client, editor):
    client.force_login(editor)
    response = add_with_cover(client, ContentFile(camera_jpeg(), name="ảnh hội nghị.jpg"))
    assert response.status_code == 302, response.content.decode()[:2000]
    cover = Article.objects.get().cover
    stored = s3.keys(PUBLIC)
    assert cover.name in stored
    assert {rendition_name(cover.name, key) for key in RENDITIONS} <= stored
    assert cover.url.startswith(f"{s3.endpoint}/{PUBLIC}/covers/")
    served = Image.open(io.BytesIO(fetch(cover.url)))
    assert served.size == (20, 40)  # turned upright by the portal's save path, as on disk
    assert not served.getexif()  # the GPS position and the camera stayed behind


def test_an_editor_image_goes_to_the_bucket_under_an_ascii_name(s3, client, editor):
    client.force_login(editor)
    upload = ContentFile(camera_jpeg(), name="Ảnh Đại hội.jpg")
    response = client.post(reverse("ck_editor_5_upload_file"), {"upload": upload})
    assert response.status_code == 200, response.content
    url = response.json()["url"]
    assert url.startswith(f"{s3.endpoint}/{PUBLIC}/editor/")
    assert url.endswith("/anh-dai-hoi.jpg")
    assert Image.open(io.BytesIO(fetch(url))).format == "JPEG"


def test_private_files_go_to_their_own_bucket_and_have_no_plain_address(s3):
    name = storages["private"].save("comments/2026/tep.pdf", ContentFile(b"%PDF-1.4 noi dung"))
    assert name in s3.keys(PRIVATE)
    assert name not in s3.keys(PUBLIC)
    with storages["private"].open(name, "rb") as handle:  # how the portal's download views read it
        assert handle.read() == b"%PDF-1.4 noi dung"
    assert "Signature=" in storages["private"].url(name) or "X-Amz-Signature=" in storages["private"].url(name)
    for address in (default_storage.url(name), f"{s3.endpoint}/{PRIVATE}/{name}"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            fetch(address)  # not in the public bucket, and the private one answers nobody without keys
        assert refused.value.code in {403, 404}


def test_an_object_store_that_does_not_answer_is_a_form_error_and_saves_nothing(s3, client, editor):
    s3.stop()
    client.force_login(editor)
    response = add_with_cover(client, ContentFile(camera_jpeg(), name="anh.jpg"))
    assert response.status_code == 200
    assert str(STORED_NOWHERE) in response.content.decode()
    assert not Article.objects.exists()
    upload = client.post(reverse("ck_editor_5_upload_file"), {"upload": ContentFile(camera_jpeg(), name="a.jpg")})
    assert upload.status_code == 507
    assert upload.json()["error"]["message"] == str(STORED_NOWHERE)


def settings_with(**environ) -> subprocess.CompletedProcess:
    """The production settings as a new process reads them from `environ`: the STORAGES and editor storage it gets."""
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.STORAGES['default'], s.STORAGES['private'], s.CKEDITOR_5_FILE_STORAGE]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "true", **environ}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)  # noqa: S603


def test_media_storage_s3_puts_media_and_attachments_in_two_buckets():
    result = settings_with(MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME=PUBLIC, AWS_PRIVATE_BUCKET_NAME=PRIVATE)
    default, private, editor = json.loads(result.stdout)
    assert default == {"BACKEND": "portal.uploads.storage.WholeS3Storage"}
    assert private["BACKEND"] == "portal.uploads.storage.WholeS3Storage"
    assert private["OPTIONS"]["bucket_name"] == PRIVATE and private["OPTIONS"]["querystring_auth"] is True
    assert editor == "news.storage.EditorImageS3Storage"
    one_bucket = settings_with(MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME=PUBLIC, AWS_PRIVATE_BUCKET_NAME=PUBLIC)
    assert one_bucket.returncode != 0 and "another AWS_PRIVATE_BUCKET_NAME" in one_bucket.stderr
