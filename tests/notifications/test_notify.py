"""The notification service (portal.notifications.services.notify), the inbox and the e-mail choices."""

import pytest
from django.core import mail
from django.urls import reverse

from portal.notifications import services
from portal.notifications.models import EmailOptOut, Kind, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_addresses(writer, editor, administrator):
    for user in (writer, editor, administrator):
        user.email = f"{user.username}@so-tnmt.example.vn"
        user.save(update_fields=["email"])


def tell(recipients, *, actor=None, kind=Kind.SUBMITTED):
    return services.notify(
        recipients=recipients, kind=kind, title="Bài chờ duyệt: Hội nghị", url="/admin/", actor=actor
    )


class NotifyTests:
    def test_each_recipient_gets_one_row_and_the_actor_none(self, writer, editor, administrator):
        tell([editor, administrator, editor, writer], actor=writer)
        assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == ["bientap", "quantri"]
        assert set(Notification.objects.values_list("actor__username", flat=True)) == {"phongvien"}

    def test_an_inactive_account_is_not_told(self, editor, administrator):
        administrator.is_active = False
        administrator.save()
        tell([editor, administrator])
        assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["bientap"]

    def test_users_with_permission_are_the_role_holders_and_superusers(self, writer, editor, administrator):
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_superuser("sep", password="x")
        holders = set(services.users_with_permission("news.review_article").values_list("username", flat=True))
        assert holders == {"bientap", "quantri", "sep"}

    @pytest.mark.usefixtures("with_addresses")
    def test_the_email_leaves_only_after_the_transaction_commits(
        self, settings, writer, editor, django_capture_on_commit_callbacks
    ):
        settings.NOTIFICATION_EMAILS = True
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            tell([editor], actor=writer)
        assert mail.outbox == []  # nothing during the transaction
        assert len(callbacks) == 1
        callbacks[0]()
        assert [message.to for message in mail.outbox] == [["bientap@so-tnmt.example.vn"]]
        assert Notification.objects.get().email == Notification.Email.SENT

    @pytest.mark.usefixtures("with_addresses")
    def test_no_email_without_mail_settings(self, settings, writer, editor, django_capture_on_commit_callbacks):
        settings.NOTIFICATION_EMAILS = False
        with django_capture_on_commit_callbacks(execute=True):
            tell([editor], actor=writer)
        assert mail.outbox == []
        assert Notification.objects.get().email == Notification.Email.NONE

    @pytest.mark.usefixtures("with_addresses")
    def test_a_refused_kind_is_not_emailed_but_still_listed(
        self, settings, writer, editor, administrator, django_capture_on_commit_callbacks
    ):
        settings.NOTIFICATION_EMAILS = True
        services.set_email_choices(user=editor, wanted=[Kind.RETURNED])
        with django_capture_on_commit_callbacks(execute=True):
            tell([editor, administrator], actor=writer)
        assert [message.to for message in mail.outbox] == [["quantri@so-tnmt.example.vn"]]
        assert Notification.objects.filter(recipient=editor).exists()

    def test_a_person_without_an_address_gets_no_email(
        self, settings, writer, editor, django_capture_on_commit_callbacks
    ):
        settings.NOTIFICATION_EMAILS = True
        with django_capture_on_commit_callbacks(execute=True):
            tell([editor], actor=writer)
        assert mail.outbox == []

    @pytest.mark.usefixtures("with_addresses")
    def test_the_email_is_in_vietnamese_with_an_absolute_link(
        self, settings, writer, editor, django_capture_on_commit_callbacks
    ):
        settings.NOTIFICATION_EMAILS = True
        settings.SITE_URL = "https://dangbo.example.vn"
        with django_capture_on_commit_callbacks(execute=True):
            services.notify(
                recipients=[editor],
                kind=Kind.RETURNED,
                title="Bài bị trả lại: Hội nghị",
                body="Thiếu nguồn ảnh",
                url="/admin/news/article/7/change/",
                actor=writer,
            )
        message = mail.outbox[0]
        assert "Bài bị trả lại: Hội nghị" in message.subject
        assert "Thiếu nguồn ảnh" in message.body
        assert "https://dangbo.example.vn/admin/news/article/7/change/" in message.body
        assert "https://dangbo.example.vn/admin/thong-bao/thu-dien-tu/" in message.body


class InboxTests:
    def test_the_bell_shows_the_unread_count_on_admin_pages_in_one_query(
        self, client, writer, editor, django_assert_num_queries
    ):
        tell([editor], actor=writer)
        tell([editor], actor=writer)
        client.force_login(editor)
        html = client.get(reverse("admin:news_article_changelist")).content.decode()
        assert 'class="notification-count">2' in html
        from django.template import Context, Template
        from django.test import RequestFactory

        request = RequestFactory().get("/admin/")
        request.user = editor
        with django_assert_num_queries(1):
            Template("{% load notifications_tags %}{% notification_bell %}").render(Context({"request": request}))

    def test_the_bell_is_quiet_with_nothing_unread(self, client, editor):
        client.force_login(editor)
        html = client.get(reverse("admin:index")).content.decode()
        assert "notification-bell" in html and "notification-count" not in html

    def test_the_inbox_lists_only_ones_own(self, client, writer, editor, administrator):
        tell([editor], actor=writer)
        services.notify(recipients=[administrator], kind=Kind.COMMENT, title="Bình luận chờ duyệt: Riêng quản trị")
        client.force_login(editor)
        html = client.get(reverse("notifications:inbox")).content.decode()
        assert "Bài chờ duyệt: Hội nghị" in html
        assert "Riêng quản trị" not in html

    def test_opening_marks_read_and_follows_the_link(self, client, writer, editor):
        (row,) = tell([editor], actor=writer)
        client.force_login(editor)
        response = client.get(reverse("notifications:open", args=[row.pk]))
        assert response.status_code == 302 and response["Location"] == "/admin/"
        row.refresh_from_db()
        assert row.read_at is not None

    def test_someone_elses_notification_is_a_404(self, client, writer, editor, administrator):
        (row,) = tell([administrator], actor=writer)
        client.force_login(editor)
        assert client.get(reverse("notifications:open", args=[row.pk])).status_code == 404
        client.post(reverse("notifications:mark-read"), {"ids": [row.pk]})
        row.refresh_from_db()
        assert row.read_at is None

    def test_mark_the_ticked_ones_and_mark_all(self, client, writer, editor):
        first, second, third = (tell([editor], actor=writer)[0] for _ in range(3))
        client.force_login(editor)
        client.post(reverse("notifications:mark-read"), {"ids": [first.pk, "x"]})
        assert list(Notification.objects.unread().order_by("pk").values_list("pk", flat=True)) == [second.pk, third.pk]
        response = client.post(reverse("notifications:mark-read"), {"all": "1"})
        assert response.status_code == 302
        assert not Notification.objects.unread().exists()

    def test_marking_read_needs_a_post(self, client, writer, editor):
        tell([editor], actor=writer)
        client.force_login(editor)
        assert client.get(reverse("notifications:mark-read")).status_code == 405
        assert Notification.objects.unread().exists()

    def test_readers_never_reach_the_inbox(self, client):
        response = client.get(reverse("notifications:inbox"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]

    def test_the_inbox_costs_the_same_for_many_notifications(self, client, writer, editor, django_assert_num_queries):
        tell([editor], actor=writer)
        client.force_login(editor)
        client.get(reverse("notifications:inbox"))  # the session's first read
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as one:
            client.get(reverse("notifications:inbox"))

        counted = len(one.captured_queries)  # read now: the next request resets the log
        for _ in range(40):
            tell([editor], actor=writer)
        with django_assert_num_queries(counted):
            assert client.get(reverse("notifications:inbox")).status_code == 200
        assert counted <= 8


class PreferencesTests:
    def test_a_person_chooses_the_emails_they_want(self, client, writer):
        client.force_login(writer)
        page = client.get(reverse("notifications:preferences")).content.decode()
        assert "Bài bị trả lại" in page and "Thư điện tử muốn nhận" in page
        client.post(reverse("notifications:preferences"), {"wanted": [Kind.RETURNED, Kind.WITHDRAWN]})
        refused = set(EmailOptOut.objects.filter(user=writer).values_list("kind", flat=True))
        assert refused == set(Kind.values) - {Kind.RETURNED, Kind.WITHDRAWN}
        assert services.email_choices(writer) == {Kind.RETURNED, Kind.WITHDRAWN}
        client.post(reverse("notifications:preferences"), {"wanted": list(Kind.values)})
        assert not EmailOptOut.objects.filter(user=writer).exists()

    def test_an_unknown_kind_is_a_form_error(self, client, writer):
        client.force_login(writer)
        response = client.post(reverse("notifications:preferences"), {"wanted": ["khong-co"]})
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()
        assert not EmailOptOut.objects.exists()
