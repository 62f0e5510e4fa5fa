"""Banner links, web links and videos: order, on/off switch, cached on every page, managed in the admin."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from portal.site_parts.models import BannerLink, Video, WebLink
from tests.factories import make_article, make_campaign

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), (20, 90, 140)).save(buffer, "PNG")
    return buffer.getvalue()


def make_banner(title, position=0, **kw):
    banner = BannerLink(title=title, url="https://www.longan.gov.vn/", position=position, **kw)
    banner.image.save("b.png", ContentFile(png()), save=False)
    banner.save()
    return banner


def positions(html: str, *names: str) -> list[int]:
    return [html.index(name) for name in names]


class DisplayTests:
    def test_every_page_shows_active_parts_in_their_order(self, client):
        campaign = make_campaign()
        article = make_article()
        WebLink.objects.create(name="Tạp chí Tuyên giáo", url="https://tuyengiao.vn/", position=2)
        WebLink.objects.create(name="Báo Long An", url="https://baolongan.vn/", position=1)
        WebLink.objects.create(name="Trang đã ẩn", url="https://example.vn/", position=0, is_active=False)
        make_banner("Banner thứ hai", position=5)
        make_banner("Banner thứ nhất", position=1)
        Video.objects.create(title="Video hội nghị", embed_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        for url in ["/", article.get_absolute_url(), campaign.get_absolute_url(), reverse("news:latest")]:
            html = client.get(url).content.decode()
            assert "Liên kết banner" in html and "Liên kết web" in html, url
            a, b = positions(html, "Báo Long An", "Tạp chí Tuyên giáo")
            assert a < b
            a, b = positions(html, 'alt="Banner thứ nhất"', 'alt="Banner thứ hai"')
            assert a < b
            assert "Trang đã ẩn" not in html
            # The player is a facade: its address waits on the play button, no frame loads with the page.
            assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
            assert "<iframe" not in html.split('class="site-parts"')[1]

    def test_nothing_is_shown_when_all_are_switched_off(self, client):
        WebLink.objects.create(name="Ẩn", url="https://example.vn/", is_active=False)
        html = client.get("/").content.decode()
        assert "Liên kết web" not in html
        assert 'class="site-parts"' not in html

    def test_parts_cost_no_query_once_cached_and_refresh_on_change(self, client):
        for n in range(10):
            WebLink.objects.create(name=f"Liên kết số {n}", url=f"https://example{n}.vn/", position=n)
            make_banner(f"Banner {n}", position=n)
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        tables = ("portal_weblink", "portal_bannerlink", "portal_video")
        assert not [q for q in queries.captured_queries if any(t in q["sql"] for t in tables)]
        link = WebLink.objects.get(name="Liên kết số 3")
        link.is_active = False
        link.save()
        assert "Liên kết số 3" not in client.get("/").content.decode()
        link.delete()
        WebLink.objects.create(name="Liên kết mới", url="https://moi.vn/")
        assert "Liên kết mới" in client.get("/").content.decode()


class VideoTests:
    def test_a_video_needs_exactly_one_source_from_an_allowed_host(self):
        with pytest.raises(ValidationError):
            Video(title="Không có nguồn").full_clean()
        with pytest.raises(ValidationError, match="Chỉ nhúng được video"):
            Video(title="Sai máy chủ", embed_url="https://evil.example/v/1").full_clean()
        Video(title="Đúng", embed_url="https://youtu.be/dQw4w9WgXcQ").full_clean()

    def test_an_uploaded_file_must_really_be_a_video(self):
        fake = Video(title="Giả", file=SimpleUploadedFile("phim.mp4", b"<html>not a video</html>"))
        with pytest.raises(ValidationError, match="không phải video"):
            fake.full_clean()
        real = Video(title="Thật", file=SimpleUploadedFile("phim.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64))
        real.full_clean()


class AdminTests:
    def test_order_and_switch_are_edited_in_the_list(self, client, administrator):
        first = WebLink.objects.create(name="Sở Xây dựng", url="https://a.vn/", position=1)
        second = WebLink.objects.create(name="Sở Tư pháp", url="https://b.vn/", position=2)
        client.get("/")  # cache the parts
        client.force_login(administrator)
        url = reverse("admin:site_parts_weblink_changelist")
        html = client.get(url).content.decode()
        assert "Liên kết web" in html and "Thứ tự" in html and "Hiển thị" in html
        data = {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(first.pk),
            "form-0-position": "3",
            "form-0-is_active": "on",
            "form-1-id": str(second.pk),
            "form-1-position": "1",
            "_save": "Lưu",
        }
        assert client.post(url, data).status_code == 302
        client.logout()
        html = client.get("/").content.decode()
        assert "Sở Tư pháp" not in html  # switched off
        WebLink.objects.filter(pk=second.pk).update(is_active=True)
        second.refresh_from_db()
        second.save()
        html = client.get("/").content.decode()
        assert html.index("Sở Tư pháp") < html.index("Sở Xây dựng")  # new order

    def test_bulk_switches_clear_the_cache(self, client, administrator):
        link = WebLink.objects.create(name="Sở Nội vụ", url="https://snv.vn/")
        assert "Sở Nội vụ" in client.get("/").content.decode()
        client.force_login(administrator)
        changelist = reverse("admin:site_parts_weblink_changelist")
        client.post(changelist, {"action": "switch_off", "_selected_action": [link.pk]})
        assert "Sở Nội vụ" not in client.get("/").content.decode()
        client.post(changelist, {"action": "switch_on", "_selected_action": [link.pk]})
        assert "Sở Nội vụ" in client.get("/").content.decode()

    def test_admin_pages_open_in_vietnamese(self, client, administrator):
        client.force_login(administrator)
        for name in ["slogan", "bannerlink", "weblink", "video"]:
            response = client.get(reverse(f"admin:site_parts_{name}_add"))
            assert response.status_code == 200, name
        html = client.get(reverse("admin:index")).content.decode()
        for label in ["Thành phần trang", "Khẩu hiệu", "Liên kết banner", "Liên kết web", "Video"]:
            assert label in html


def test_home_query_budget_holds_with_site_parts(client, django_assert_max_num_queries):
    for n in range(8):
        WebLink.objects.create(name=f"L{n}", url=f"https://l{n}.vn/")
        make_banner(f"B{n}")
    make_article()
    client.get("/")
    with django_assert_max_num_queries(10):
        assert client.get("/").status_code == 200
