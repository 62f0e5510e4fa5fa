"""Small things a new user of the admin found: the icon, the 403 page and log, the history's name, the picker."""

import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from portal.uploads import filekinds
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_the_emblem(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    assert "max-age=86400" in response["Cache-Control"]


def test_a_refused_page_is_a_vietnamese_403(client, writer):
    client.force_login(writer)
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Bạn không có quyền xem trang này" in html
    assert "Về trang quản trị" in html


def test_a_readers_403_offers_the_home_page(rf):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    request = rf.get("/")
    request.user = type("Anonymous", (), {"is_staff": False, "is_authenticated": False})()
    html = permission_denied(request, PermissionDenied()).content.decode()
    assert "Bạn không có quyền xem trang này" in html and "Về trang quản trị" not in html


LOG_SCRIPT = """
import logging, django
django.setup()
from django.core.exceptions import PermissionDenied
log = logging.getLogger("django.request")
log.warning("Not Found: /khong-co/", extra={"status_code": 404})
try:
    raise PermissionDenied
except PermissionDenied:
    log.warning("Forbidden (Permission denied): /admin/", exc_info=True, extra={"status_code": 403})
try:
    1 / 0
except ZeroDivisionError:
    log.error("Internal Server Error: /", exc_info=True, extra={"status_code": 500})
"""


def test_the_development_log_prints_each_line_once_and_no_403_traceback():
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "true", "PATH": ""}
    result = subprocess.run(  # noqa: S603 (our own interpreter and a fixed script)
        [sys.executable, "-c", LOG_SCRIPT], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR, check=True
    )
    lines = result.stderr.splitlines()
    assert lines.count("Not Found: /khong-co/") == 1
    assert lines.count("Forbidden (Permission denied): /admin/") == 1
    assert "PermissionDenied" not in result.stderr  # no traceback for a refused permission
    assert "ZeroDivisionError" in result.stderr  # a 500 keeps its traceback


def test_djangos_history_is_named_nhat_ky_thay_doi_beside_the_revisions(client, editor):
    article = make_article()
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Nhật ký thay đổi" in html and "Lịch sử phiên bản" in html
    assert "Bản ghi nhớ" not in html
    history = client.get(reverse("admin:news_article_history", args=[article.pk])).content.decode()
    assert "Nhật ký thay đổi:" in history


def test_the_editors_file_picker_offers_only_what_the_server_takes():
    offered = {f"image/{kind}" for kind in settings.CKEDITOR_5_CONFIGS["default"]["image"]["upload"]["types"]}
    taken = {kind.content_type for kind in filekinds.IMAGES}
    assert offered == taken
    assert "image/bmp" not in offered and "image/tiff" not in offered


def test_picture_inputs_offer_only_what_the_server_takes(client, editor):
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_add")).content.decode()
    accept = re.search(r'<input type="file" name="cover"[^>]*accept="([^"]+)"', html).group(1)
    assert "image/jpeg" in accept and "image/webp" in accept
    assert "image/*" not in accept and "bmp" not in accept and "tif" not in accept


def test_admin_lists_write_dates_the_vietnamese_way(client, editor):
    import datetime

    make_article(published_at=datetime.datetime(2026, 12, 17, 2, 0, tzinfo=datetime.UTC))
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "17/12/2026 09:00" in html
    assert "2026-12-17" not in html and "Ngày 17 tháng 12" not in html


def test_browser_date_inputs_keep_iso_values_under_the_vietnamese_formats(client, editor):
    """An <input type="date"> holds ISO whatever the language; "01/01/2024" there would be an empty field."""
    client.force_login(editor)
    html = client.get(reverse("reports:leadership")).content.decode()  # the form's own initial dates
    for name in ("start", "end"):
        assert re.search(rf'<input type="date" name="{name}" value="\d{{4}}-\d{{2}}-\d{{2}}"', html), name
