"""Edits to a published article are reviewed: a writer's change waits; an editor approves or refuses it.

Readers keep seeing the live article until an editor approves the change, which then goes through the same
checks as publishing and is recorded as a revision credited to the editor ("Duyệt bản sửa của …"). Editors may
still correct a live article directly; that is recorded as "Sửa trực tiếp bài đang đăng".
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .checks import blocking_messages, prepublish_findings
from .models import Article, PendingEdit
from .models.pending import PENDING_FIELDS
from .models.revisions import snapshot
from .revision_diff import compare
from .workflow_notices import notify_edit_decision, notify_pending_edit


def propose_edit(*, article: Article, by, data: dict) -> PendingEdit:
    """Keep ``by``'s change to the live ``article`` for review (replacing their earlier waiting one)."""
    if article.created_by_id != by.pk or not by.has_perm("news.change_article"):
        raise PermissionDenied(_("Bạn không có quyền sửa bài viết này."))
    kept = {name: data[name] for name in PENDING_FIELDS if name in data}
    with transaction.atomic():
        pending = PendingEdit.objects.select_for_update().waiting().filter(article=article).first()
        if pending is None:
            pending = PendingEdit.objects.create(article=article, by=by, data=kept)
        else:
            pending.data, pending.by = kept, by
            pending.save()
        notify_pending_edit(pending=pending, by=by)
    return pending


def waiting_edit(article: Article) -> PendingEdit | None:
    return PendingEdit.objects.waiting().filter(article=article).select_related("by").first()


def differences(pending: PendingEdit) -> list:
    """What approving would change, field by field, live version first."""
    live = snapshot(pending.article)
    return compare(live, {**live, **pending.data}, old_title=_("Bản đang đăng"), new_title=_("Bản sửa"))


def _decide(pending: PendingEdit, *, by, status: str, note: str = "") -> None:
    pending.status, pending.decided_by, pending.decided_at, pending.note = status, by, timezone.now(), note
    pending.save(update_fields=["status", "decided_by", "decided_at", "note"])


def approve_edit(*, pending: PendingEdit, by) -> Article:
    """Put the change live, if it passes the checks before publishing; recorded as a revision by the editor."""
    if not by.has_perm("news.publish_article"):
        raise PermissionDenied(_("Chỉ biên tập viên duyệt được bản sửa."))
    article = pending.article
    values = {name: pending.data.get(name, getattr(article, name)) for name in PENDING_FIELDS}
    blocking = blocking_messages(
        prepublish_findings(
            title=values["title"],
            lead=values["lead"],
            body=values["body"],
            has_cover=bool(article.cover),
            slug=article.slug,
        )
    )
    if blocking:
        raise ValidationError(blocking, code="prepublish_checks")
    with transaction.atomic():
        for name, value in values.items():
            setattr(article, name, value)
        article.save()
        _decide(pending, by=by, status=PendingEdit.Status.APPROVED)
        writer = pending.by.get_username() if pending.by else _("(đã xóa)")
        services.record_revision(article=article, by=by, comment=_("Duyệt bản sửa của %(name)s") % {"name": writer})
        notify_edit_decision(pending=pending, by=by, approved=True)
    return article


def reject_edit(*, pending: PendingEdit, by, reason: str) -> None:
    """Refuse the change with a reason the writer reads; the live article stays as it is."""
    if not by.has_perm("news.publish_article"):
        raise PermissionDenied(_("Chỉ biên tập viên duyệt được bản sửa."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do không duyệt."), code="reason_required")
    with transaction.atomic():
        _decide(pending, by=by, status=PendingEdit.Status.REJECTED, note=reason)
        notify_edit_decision(pending=pending, by=by, approved=False, reason=reason)
