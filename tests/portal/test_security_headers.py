"""Response headers on every page (portal/security.py, settings): CSP, Permissions-Policy, framing, deploy checks."""

import base64
import hashlib
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import make_article, make_campaign

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def public_pages():
    article = make_article("Bài có video")
    campaign = make_campaign(code="01-KL/TW")
    return ["/", article.get_absolute_url(), campaign.get_absolute_url(), "/tim-kiem/?q=video"]


def test_public_pages_send_a_strict_content_security_policy(client):
    for url in public_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        csp = directives(response)
        assert csp["default-src"] == ["'self'"], url
        assert csp["script-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in csp["style-src"], url
        assert csp["frame-ancestors"] == ["'none'"], url
        assert csp["object-src"] == ["'none'"], url
        assert set(csp["frame-src"]) == {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}


def test_the_admin_allows_inline_styles_for_the_editor_but_never_inline_scripts(client):
    csp = directives(client.get("/admin/login/"))
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]  # a hash beside it would switch 'unsafe-inline' off
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]


def test_the_500_page_style_is_allowed_by_its_hash():
    html = (BASE_DIR / "templates" / "500.html").read_text(encoding="utf-8")
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]


def _source_files():
    roots = [BASE_DIR / "templates", BASE_DIR / "static" / "js", BASE_DIR / "portal", BASE_DIR / "news"]
    roots.append(BASE_DIR / "campaigns")
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix in {".html", ".py", ".js"} and "migrations" not in path.parts:
                yield path


INLINE_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>")
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.S)


def test_no_inline_event_handler_or_script_is_left_in_templates_or_code():
    offenders = []
    for path in _source_files():
        text = path.read_text(encoding="utf-8")
        scripts = INLINE_SCRIPT.search(text) if path.suffix == ".html" else None  # .py: comments name <script>
        if INLINE_HANDLER.search(text) or scripts:
            offenders.append(str(path.relative_to(BASE_DIR)))
    assert offenders == []


def test_public_templates_have_no_style_attribute():
    """Style attributes are allowed in the admin only (its policy has 'unsafe-inline' styles)."""
    offenders = []
    for path in _source_files():
        if path.suffix != ".html" or "admin" in path.parts or "reports" in path.parts:
            continue  # the reports are admin pages (/admin/thong-ke/, /admin/bao-cao/)
        if STYLE_ATTRIBUTE.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(BASE_DIR)))
    assert offenders == []


def test_every_response_sends_a_permissions_policy_and_refuses_framing(client):
    responses = [client.get("/"), client.get("/khong-co-trang-nay/"), client.get("/admin/"), client.post("/")]
    for response in responses:
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in policy
        assert response["X-Frame-Options"] == "DENY"


def test_check_deploy_with_https_prints_no_warning():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL": "true",
        "ALLOWED_HOSTS": "x.example.vn",
    }
    # Not what a deployment sets: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process.
    for name in (
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "ALLOW_DEV_SECRET_KEY",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        env.pop(name, None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,  # a loaded CI machine may take long to start Django
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stderr


def test_an_article_allows_exactly_its_own_style_attributes_by_hash(client):
    """CKEditor's alignment and picture widths survive the sanitizer as style attributes; the CSP allows those."""
    article = make_article(
        "Bài căn giữa", body='<p style="text-align:center;">Giữa</p><p style="text-align:right;">Phải</p>'
    )
    response = client.get(article.get_absolute_url())
    csp, page = directives(response), response.content.decode()
    shown = set(re.findall(r'<p style="([^"]*)"', page))
    assert len(shown) == 2  # both alignments reach the page
    expected = {
        "'sha256-" + base64.b64encode(hashlib.sha256(value.encode()).digest()).decode() + "'" for value in shown
    }
    assert csp["style-src-attr"][0] == "'unsafe-hashes'"
    assert set(csp["style-src-attr"][1:]) == expected
    assert "'unsafe-inline'" not in csp["style-src"]


def test_an_article_without_style_attributes_allows_none(client):
    csp = directives(client.get(make_article("Bài thường", body="<p>Chữ</p>").get_absolute_url()))
    assert "style-src-attr" not in csp
