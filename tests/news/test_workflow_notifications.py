"""Each move of the review, and each new comment, tells the people concerned: in the inbox, and by e-mail
(locmem) to those who have an address and want it."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news import services
from news.comments.services import submit_comment
from news.models import Article
from portal.notifications.models import Kind, Notification
from tests.factories import make_article
from tests.news.workflow_helpers import make_draft

pytestmark = pytest.mark.django_db
Status = Article.Status


@pytest.fixture(autouse=True)
def mail_on(settings, writer, editor, administrator):
    settings.NOTIFICATION_EMAILS = True
    for user in (writer, editor, administrator):
        user.email = f"{user.username}@so-tnmt.example.vn"
        user.save(update_fields=["email"])


def told(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def mailed():
    return sorted(message.to[0].split("@")[0] for message in mail.outbox)


def test_submitting_tells_the_editors_not_the_writer(writer, django_capture_on_commit_callbacks):
    article = make_draft(writer)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_article(article=article, by=writer)
    assert told(Kind.SUBMITTED) == ["bientap", "quantri"]
    assert mailed() == ["bientap", "quantri"]
    row = Notification.objects.filter(kind=Kind.SUBMITTED).first()
    assert row.url == reverse("admin:news_article_change", args=[article.pk])
    assert article.title in row.title


def test_returning_tells_the_writer_the_reason(writer, editor, django_capture_on_commit_callbacks):
    article = make_draft(writer, status=Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_article(article=article, by=editor, reason="Thiếu nguồn ảnh")
    row = Notification.objects.get(kind=Kind.RETURNED)
    assert (row.recipient, row.body, row.actor) == (writer, "Thiếu nguồn ảnh", editor)
    assert mailed() == ["phongvien"] and "Thiếu nguồn ảnh" in mail.outbox[0].body


def test_publishing_now_tells_the_writer_it_is_live(writer, editor, django_capture_on_commit_callbacks):
    article = make_draft(writer, status=Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(article=article, by=editor)
    assert told(Kind.PUBLISHED) == ["phongvien"] and told(Kind.SCHEDULED) == []
    assert mailed() == ["phongvien"]


def test_publishing_for_later_tells_the_writer_when(writer, editor, django_capture_on_commit_callbacks):
    when = timezone.now() + datetime.timedelta(days=2)
    article = make_draft(writer, status=Status.IN_REVIEW, published_at=when)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(article=article, by=editor)
    row = Notification.objects.get(kind=Kind.SCHEDULED)
    article.refresh_from_db()
    assert article.status_label().lower() in row.title  # "hẹn giờ đăng 09:00 17/12"
    assert timezone.localtime(when).strftime("%H:%M %d/%m") in row.title
    assert told(Kind.PUBLISHED) == []
    assert mailed() == ["phongvien"]


def test_withdrawing_tells_the_writer_why(writer, editor, django_capture_on_commit_callbacks):
    article = make_article(created_by=writer)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_article(article=article, by=editor, reason="Sai số liệu")
    row = Notification.objects.get(kind=Kind.WITHDRAWN)
    assert (row.recipient, row.body) == (writer, "Sai số liệu")
    assert mailed() == ["phongvien"]


def test_an_editor_publishing_their_own_article_tells_nobody(editor, django_capture_on_commit_callbacks):
    article = make_draft(editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(article=article, by=editor)
    assert not Notification.objects.exists() and mail.outbox == []


def test_a_refused_transition_tells_nobody(writer, editor, django_capture_on_commit_callbacks):
    article = make_draft(writer)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception):  # noqa: B017
        services.withdraw_article(article=article, by=editor, reason="Không đúng trạng thái")
    assert not Notification.objects.exists() and mail.outbox == []


def test_a_new_comment_tells_the_moderators(writer, django_capture_on_commit_callbacks):
    from news.comments.forms import CommentForm

    article = make_article(created_by=writer)
    form = CommentForm(
        data={"name": "Nguyễn Văn An", "email": "an@example.vn", "text": "Bài viết rất hay.", "consent": "on"}
    )
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        comment = submit_comment(form=form, article=article, ip_address="203.0.113.5")
    assert told(Kind.COMMENT) == ["bientap", "quantri"]  # editors and administrators moderate; writers do not
    row = Notification.objects.filter(kind=Kind.COMMENT).first()
    assert row.url == reverse("admin:comments_comment_change", args=[comment.pk])
    assert "Nguyễn Văn An" in row.body
    assert mailed() == ["bientap", "quantri"]


def test_a_change_to_a_live_article_tells_the_editors_and_the_decision_tells_the_writer(
    writer, editor, django_capture_on_commit_callbacks
):
    from news.pending import approve_edit, propose_edit, reject_edit

    article = make_article(created_by=writer, body="<p>Bản đang đăng.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        pending = propose_edit(article=article, by=writer, data={"title": article.title, "body": "<p>Bản sửa.</p>"})
    assert told(Kind.EDIT_PENDING) == ["bientap", "quantri"]
    with django_capture_on_commit_callbacks(execute=True):
        reject_edit(pending=pending, by=editor, reason="Chưa có nguồn số liệu")
    refused = Notification.objects.get(kind=Kind.EDIT_DECIDED)
    assert (refused.recipient, refused.body) == (writer, "Chưa có nguồn số liệu")
    again = propose_edit(article=article, by=writer, data={"title": article.title, "body": "<p>Bản sửa 2.</p>"})
    with django_capture_on_commit_callbacks(execute=True):
        approve_edit(pending=again, by=editor)
    assert Notification.objects.filter(kind=Kind.EDIT_DECIDED, title__startswith="Bản sửa đã được duyệt").exists()
    assert "phongvien" in mailed() and "bientap" in mailed()
