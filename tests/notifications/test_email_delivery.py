"""Notification e-mails go through the background task: sent after the commit, and a mail server that refuses
(here: a port nothing listens on) is retried and logged, never raised into the admin."""

import datetime
import logging
import socket

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from news.models import Article
from portal.notifications.models import Notification
from tests.news.workflow_helpers import make_draft, post_change

Email = Notification.Email
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def closed_port() -> int:
    """A local TCP port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_on(settings, writer, editor, administrator):
    settings.NOTIFICATION_EMAILS = True
    settings.NOTIFICATION_EMAIL_ATTEMPTS = 3
    for user in (writer, editor, administrator):
        user.email = f"{user.username}@so-tnmt.example.vn"
        user.save(update_fields=["email"])
    return settings


@pytest.fixture
def refusing_server(mail_on):
    mail_on.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    mail_on.EMAIL_HOST, mail_on.EMAIL_PORT = "127.0.0.1", closed_port()
    mail_on.EMAIL_USE_TLS = mail_on.EMAIL_USE_SSL = False
    mail_on.EMAIL_TIMEOUT = 2
    return mail_on


@pytest.mark.django_db
def test_submitting_in_the_admin_emails_the_editors_after_the_commit(
    client, mail_on, writer, django_capture_on_commit_callbacks
):
    article = make_draft(writer)
    client.force_login(writer)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(client, article, _submit_review="Gửi")
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["bientap@so-tnmt.example.vn", "quantri@so-tnmt.example.vn"]
    assert article.title in mail.outbox[0].subject


@pytest.mark.django_db
def test_a_refusing_mail_server_is_retried_logged_and_never_raised_into_the_admin(
    client, refusing_server, writer, editor, caplog, django_capture_on_commit_callbacks
):
    article = make_draft(writer, status=Article.Status.IN_REVIEW)
    client.force_login(editor)
    with (
        caplog.at_level(logging.WARNING, logger="portal.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post_change(client, article, _return="Trả lại", review_note="Thiếu nguồn ảnh")
    assert response.status_code == 302  # the editor's action went through
    article.refresh_from_db()
    assert article.status == Article.Status.RETURNED
    notification = Notification.objects.get(recipient=writer)
    assert (notification.email, notification.email_attempts) == (Email.FAILED, 3)
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "portal.notifications"]
    assert [level for level, _ in lines] == ["WARNING", "WARNING", "ERROR"]
    assert "attempt 1 of 3" in lines[0][1] and "phongvien@so-tnmt.example.vn" in lines[0][1]
    assert "failed 3 times, given up" in lines[2][1]
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_the_admin_only_queues_and_the_worker_sends(client, mail_on, writer, editor):
    mail_on.TASKS = DATABASE_TASKS
    article = make_draft(writer, status=Article.Status.IN_REVIEW)
    client.force_login(editor)
    response = post_change(client, article, _publish="Đăng")
    assert response.status_code == 302
    assert mail.outbox == []  # nothing sent in the request
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    assert [m.to for m in mail.outbox] == [["phongvien@so-tnmt.example.vn"]]
    assert Notification.objects.get(recipient=writer).email == Email.SENT


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_a_failed_send_comes_back_later(client, refusing_server, writer, editor, caplog):
    refusing_server.TASKS = DATABASE_TASKS
    refusing_server.NOTIFICATION_EMAIL_RETRY_SECONDS = 60
    article = make_draft(writer, status=Article.Status.IN_REVIEW)
    client.force_login(editor)
    assert post_change(client, article, _publish="Đăng").status_code == 302
    with caplog.at_level(logging.WARNING, logger="portal.notifications"):
        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)  # not before its time
    assert "retried in 60 s" in caplog.text
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        refusing_server.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    notification = Notification.objects.get(recipient=writer)
    assert (notification.email, notification.email_attempts) == (Email.SENT, 2)
    assert len(mail.outbox) == 1
