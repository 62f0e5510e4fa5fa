"""Who in the newsroom is told of what: the writer and the editors tell each other through the notifications app.

Called by ``news.services`` inside its transaction, so a rolled-back action tells nobody.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from portal.notifications.models import Kind
from portal.notifications.services import notify, users_with_permission

from .models import Article, ArticleEvent, ArticleNote

Action = ArticleEvent.Action
REVIEWERS = "news.review_article"


def admin_url(article: Article) -> str:
    return reverse("admin:news_article_change", args=[article.pk])


def writer_of(article: Article) -> list:
    return [article.created_by] if article.created_by_id else []


def notify_transition(*, article: Article, action: str, by, note: str = "") -> None:
    """Submitting tells the editors; returning, publishing, scheduling, withdrawing and rescheduling tell the
    writer (with the reason where there is one)."""
    title = article.title
    if action == Action.SUBMIT:
        recipients, kind, text = users_with_permission(REVIEWERS), Kind.SUBMITTED, _("Bài chờ duyệt: %s")
    elif action == Action.RETURN:
        recipients, kind, text = writer_of(article), Kind.RETURNED, _("Bài bị trả lại: %s")
    elif action == Action.WITHDRAW:
        recipients, kind, text = writer_of(article), Kind.WITHDRAWN, _("Bài bị gỡ khỏi trang: %s")
    elif article.is_scheduled:  # "Bài được hẹn giờ đăng 09:00 17/12: ..."
        recipients, kind = writer_of(article), Kind.SCHEDULED
        text = _("Bài được %(when)s: %%s") % {"when": article.status_label().lower()}
    else:
        recipients, kind, text = writer_of(article), Kind.PUBLISHED, _("Bài đã được đăng: %s")
    notify(recipients=recipients, kind=kind, title=text % title, body=note, url=admin_url(article), actor=by)


def notify_note(*, note: ArticleNote, by) -> None:
    """A writer's note tells the editors; an editor's tells the writer; a reply also tells whom it answers."""
    article = note.article
    recipients = list(users_with_permission(REVIEWERS)) if article.created_by_id == by.pk else writer_of(article)
    if note.parent_id and note.parent.author_id:
        recipients.append(note.parent.author)
    notify(
        recipients=recipients,
        kind=Kind.NOTE,
        title=_("Ghi chú mới về bài: %s") % article.title,
        body=note.text,
        url=admin_url(article) + "#editorial-notes",
        actor=by,
    )


def notify_pending_edit(*, pending, by) -> None:
    """A writer's change to their live article waits: the editors are told (news.pending)."""
    notify(
        recipients=users_with_permission(REVIEWERS),
        kind=Kind.EDIT_PENDING,
        title=_("Bản sửa bài đang đăng chờ duyệt: %s") % pending.article.title,
        url=admin_url(pending.article),
        actor=by,
    )


def notify_edit_decision(*, pending, by, approved: bool, reason: str = "") -> None:
    """The editor approved or refused the change: its writer is told (with the reason of a refusal)."""
    title = _("Bản sửa đã được duyệt: %s") if approved else _("Bản sửa không được duyệt: %s")
    notify(
        recipients=[pending.by] if pending.by_id else [],
        kind=Kind.EDIT_DECIDED,
        title=title % pending.article.title,
        body=reason,
        url=admin_url(pending.article),
        actor=by,
    )
