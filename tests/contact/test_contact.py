"""The "Liên hệ" page: the body's details from the site profile, and a form whose messages reach the admin."""

import pytest
from django.core import mail
from django.urls import reverse

from portal.contact.models import ContactMessage
from portal.site_parts.models import SiteProfile

pytestmark = pytest.mark.django_db

URL = "/lien-he/"


@pytest.fixture
def profile():
    return SiteProfile.objects.create(
        owner="Đảng bộ Sở Tài nguyên và Môi trường tỉnh Long An",
        responsible_person="Nguyễn Văn Hòa – Phó Bí thư Đảng ủy",
        address="365 Hùng Vương, phường 3, TP. Tân An, Long An",
        phone="0272 3826 123",
        fax="0272 3826 124",
        email="dangbo@stnmt.longan.gov.vn",
        portal_official="Lê Thị Mai – Văn phòng Đảng ủy",
        map_url="https://www.openstreetmap.org/?mlat=10.53&mlon=106.41",
    )


def send(client, ip="10.3.0.1", **overrides):
    data = {
        "name": "Lê Văn Cường",
        "email": "cuong@example.vn",
        "subject": "Xin lịch tiếp công dân",
        "message": "Xin cho biết lịch tiếp công dân tháng này.",
        "website": "",
        "consent_contact": "on",
        **overrides,
    }
    return client.post(URL, data, REMOTE_ADDR=ip)


class ContactPageTests:
    def test_the_page_shows_the_body_its_official_and_a_map_link(self, client, profile, django_assert_max_num_queries):
        assert reverse("contact:contact") == URL
        client.get(URL)
        with django_assert_max_num_queries(6):
            html = client.get(URL).content.decode()
        for text in [profile.owner, profile.address, "0272 3826 124", profile.email, "Lê Thị Mai", profile.map_url]:
            assert text.replace("&", "&amp;") in html

    def test_a_message_is_saved_for_the_administrators(self, client, profile, administrator):
        response = send(client)
        assert response.status_code == 302
        message = ContactMessage.objects.get()
        assert (message.subject, message.ip_address, message.is_handled) == (
            "Xin lịch tiếp công dân",
            "10.3.0.1",
            False,
        )
        assert "Thư liên hệ đã được gửi" in client.get(response["Location"]).content.decode()
        client.force_login(administrator)
        assert (
            "Xin lịch tiếp công dân" in client.get(reverse("admin:contact_contactmessage_changelist")).content.decode()
        )

    def test_without_email_settings_nothing_is_mailed(self, client, profile, settings):
        settings.EMAIL_HOST = ""
        assert send(client).status_code == 302
        assert mail.outbox == []

    def test_with_email_settings_the_message_is_mailed_after_the_commit(
        self, client, profile, settings, django_capture_on_commit_callbacks
    ):
        settings.EMAIL_HOST = "smtp.example.vn"
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert send(client).status_code == 302
        assert mail.outbox == []  # not before the commit
        for callback in callbacks:
            callback()
        assert [m.to for m in mail.outbox] == [[profile.email]]
        assert "Xin lịch tiếp công dân" in mail.outbox[0].subject

    def test_bad_input_is_a_vietnamese_error_and_nothing_is_saved(self, client, profile):
        for overrides in [{"email": "khong-phai"}, {"message": "   "}, {"name": "\u200b"}, {"message": "x" * 5001}]:
            response = send(client, **overrides)
            assert response.status_code == 400, overrides
            assert "errorlist" in response.content.decode()
        assert not ContactMessage.objects.exists()

    def test_the_honeypot_and_the_rate_limit_refuse(self, client, profile, settings):
        assert send(client, website="http://spam.example").status_code == 400
        settings.COMMENT_RATE_LIMIT = 2
        assert [send(client, ip="10.3.0.9").status_code for _ in range(3)] == [302, 302, 429]
        assert send(client, ip="10.3.0.10").status_code == 302
        assert ContactMessage.objects.count() == 3


class FooterTests:
    def test_every_page_shows_the_owner_and_the_person_responsible(self, client, profile):
        html = client.get("/").content.decode()
        assert "Chịu trách nhiệm nội dung: Nguyễn Văn Hòa – Phó Bí thư Đảng ủy" in html
        assert "365 Hùng Vương" in html and "dangbo@stnmt.longan.gov.vn" in html
        assert f'href="{URL}"' in html

    def test_the_footer_costs_no_query_once_cached_and_follows_an_edit(self, client, profile):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(URL)
        with CaptureQueriesContext(connection) as queries:
            client.get(URL)
        assert not [q for q in queries.captured_queries if "siteprofile" in q["sql"]]
        profile.licence = "Giấy phép số 12/GP-STTTT ngày 01/3/2024"
        profile.save()
        assert "Giấy phép số 12/GP-STTTT" in client.get("/").content.decode()

    def test_without_a_profile_the_footer_names_the_site(self, client, settings):
        assert settings.SITE_NAME in client.get("/").content.decode()
