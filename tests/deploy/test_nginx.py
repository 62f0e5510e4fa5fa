"""deploy/nginx/portal.conf, run for real: Debian's nginx in front of a live portal, on loopback ports.

Skipped where nginx is not installed (failed on CI, which installs it: .ci/run).
"""

import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile

from news.models import Article
from portal.visitors.budget import _window_start
from tests.campaigns.test_downloads import pdf_bytes
from tests.factories import make_article, make_campaign

from .nginx_server import HOST, Nginx

pytestmark = pytest.mark.django_db(transaction=True)

HASHED_CSS = "css/site.0123456789ab.css"


@pytest.fixture
def nginx(live_server, tmp_path):
    static_root = tmp_path / "static"
    (static_root / "css").mkdir(parents=True)
    (static_root / HASHED_CSS).write_text("body { color: #333; }\n" * 50)
    (static_root / "robots.txt").write_text("User-agent: *\n")
    port = live_server.url.rsplit(":", 1)[1]
    server = Nginx(tmp_path, upstream=f"127.0.0.1:{port}", static_root=static_root, media_root=settings.MEDIA_ROOT)
    yield server
    server.stop()


def visitor_cookie(answer) -> str | None:
    """The `khach=...` pair an answer sets, if it sets one."""
    for value in answer.headers.get_all("Set-Cookie") or []:
        if value.startswith("khach="):
            return value.split(";", 1)[0]
    return None


def test_plain_http_is_sent_to_https(nginx):
    answer = nginx.get("/tin-moi/?trang=2", tls=False)
    assert answer.status == 301
    assert answer.header("Location") == f"https://{HOST}/tin-moi/?trang=2"


def test_a_page_comes_through_compressed_with_the_portals_own_headers(nginx):
    make_article(title="Hội nghị học tập chuyên đề năm 2026")
    answer = nginx.get("/")
    assert answer.status == 200
    assert answer.header("Content-Encoding") == "gzip"
    assert "Hội nghị học tập chuyên đề năm 2026" in answer.body.decode()
    assert "frame-ancestors 'none'" in answer.header("Content-Security-Policy")  # Django's, passed through
    assert answer.header("X-Frame-Options") == "DENY"


def test_hashed_static_files_are_kept_a_year_and_others_an_hour(nginx):
    hashed = nginx.get(f"/static/{HASHED_CSS}")
    assert hashed.status == 200
    assert hashed.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert hashed.header("Content-Type") == "text/css"
    assert hashed.header("Content-Encoding") == "gzip"
    plain = nginx.get("/static/robots.txt")
    assert plain.status == 200
    assert plain.header("Cache-Control") == "public, max-age=3600"


def test_media_pictures_show_and_every_other_file_only_downloads(nginx):
    folder = settings.MEDIA_ROOT / "documents" / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ke-hoach.pdf").write_bytes(pdf_bytes)
    (folder / "trang.html").write_text("<script>alert(1)</script>")
    (settings.MEDIA_ROOT / "covers").mkdir(exist_ok=True)
    (settings.MEDIA_ROOT / "covers" / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    for name in ("documents/2026/ke-hoach.pdf", "documents/2026/trang.html"):
        answer = nginx.get(f"/media/{name}")
        assert answer.status == 200
        assert answer.header("Content-Disposition") == "attachment"
        assert answer.header("X-Content-Type-Options") == "nosniff"
        assert "sandbox" in answer.header("Content-Security-Policy")
    picture = nginx.get("/media/covers/anh.jpg")
    assert picture.status == 200
    assert picture.header("Content-Disposition") is None
    assert picture.header("X-Content-Type-Options") == "nosniff"
    assert picture.header("Cache-Control") == "public, max-age=604800"


def test_a_document_downloaded_through_the_portal_stays_an_attachment(nginx):
    campaign = make_campaign(code="05-CT/TW")
    campaign.document.save("chi-thi.pdf", ContentFile(pdf_bytes))
    answer = nginx.get(f"/phong-trao/{campaign.slug}/tai-van-ban/")
    assert answer.status == 200
    assert answer.header("Content-Disposition") == 'attachment; filename="05-ct-tw.pdf"'
    assert answer.header("X-Content-Type-Options") == "nosniff"
    assert answer.body == pdf_bytes


def test_private_attachments_cannot_be_reached_through_media(nginx):
    secret = settings.PRIVATE_MEDIA_ROOT / "comments" / "bi-mat.pdf"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_bytes(b"%PDF-1.4 thu rieng cua ban doc")
    private = settings.PRIVATE_MEDIA_ROOT.name
    for path in (
        f"/media/../{private}/comments/bi-mat.pdf",
        f"/media/%2e%2e/{private}/comments/bi-mat.pdf",
        f"/media/..%2f{private}/comments/bi-mat.pdf",
        f"/media/{private}/comments/bi-mat.pdf",
    ):
        answer = nginx.get(path)
        assert answer.status in {400, 404}, path
        assert b"thu rieng" not in answer.body


def test_the_portal_sees_the_readers_address_not_a_forged_one(nginx, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    article = make_article()
    # The reader connects from 127.0.0.2 and claims to be 6.6.6.6; nginx (127.0.0.1) appends what it saw.
    answer = nginx.get(article.get_absolute_url(), source="127.0.0.2", headers={"X-Forwarded-For": "6.6.6.6"})
    assert answer.status == 200
    start = _window_start(settings.VISITOR_NEW_WINDOW)
    assert cache.get(f"budget:visitor:127.0.0.2:{start}") == 1  # the new reader's identity, on their address
    assert cache.get(f"budget:visitor:6.6.6.6:{start}") is None
    assert cache.get(f"budget:visitor:127.0.0.1:{start}") is None  # nor nginx's own


def test_pages_are_micro_cached_while_every_article_view_counts(nginx):
    article = make_article()
    first, second = nginx.get("/tin-moi/"), nginx.get("/tin-moi/")
    # A reader's new identity (Set-Cookie) is never stored, so never given to another reader.
    assert visitor_cookie(first) and visitor_cookie(second) and visitor_cookie(first) != visitor_cookie(second)
    reader = {"Cookie": visitor_cookie(first)}
    statuses = [nginx.get("/tin-moi/", headers=reader).header("X-Cache-Status") for _ in range(3)]
    assert "HIT" in statuses
    staff = nginx.get("/tin-moi/", headers={"Cookie": f"{visitor_cookie(first)}; sessionid=abc"})
    assert staff.header("X-Cache-Status") == "BYPASS"

    readers = 6
    for _ in range(readers):
        answer = nginx.get(article.get_absolute_url())
        cookie = visitor_cookie(answer)
        assert answer.status == 200 and cookie
        for _ in range(2):  # the same reader again: one view in VIEW_COUNT_WINDOW
            again = nginx.get(article.get_absolute_url(), headers={"Cookie": cookie})
            assert again.status == 200
            assert again.header("X-Cache-Status") is None  # never from nginx's cache
    assert Article.objects.get(pk=article.pk).view_count == readers


def test_the_micro_cache_lasts_one_second(nginx):
    reader = {"Cookie": visitor_cookie(nginx.get("/tin-moi/"))}
    nginx.get("/tin-moi/", headers=reader)
    assert nginx.get("/tin-moi/", headers=reader).header("X-Cache-Status") == "HIT"
    time.sleep(2.1)  # nginx counts whole seconds: "1s" lasts until the end of the next second, 2 s at most
    assert nginx.get("/tin-moi/", headers=reader).header("X-Cache-Status") != "HIT"
