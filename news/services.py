"""The newsroom's writes: moving an article through review, and keeping its revisions.

Every function is keyword-only and atomic, checks the person's permission and the article's state before it
writes, and logs what it did (``ArticleEvent`` for transitions, ``ArticleRevision`` for content).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.formats import vn_clock_day

from . import counts, sitemap_pages
from .checks import blocking_messages, findings_for
from .models import Article, ArticleEvent, ArticleNote, ArticleRevision, Category, RelatedArticle
from .models.revisions import LINKS, PINNED, field_label, linked_model, snapshot
from .related import bump_generation
from .workflow_notices import notify_note, notify_transition

Status = Article.Status
Action = ArticleEvent.Action

# action -> (the states it may start from, the state it leads to, the permission it needs)
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    Action.SUBMIT: (frozenset({Status.DRAFT, Status.RETURNED}), Status.IN_REVIEW, "news.submit_article"),
    Action.RETURN: (frozenset({Status.IN_REVIEW}), Status.RETURNED, "news.review_article"),
    Action.PUBLISH: (
        frozenset({Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.WITHDRAWN}),
        Status.PUBLISHED,
        "news.publish_article",
    ),
    Action.WITHDRAW: (frozenset({Status.PUBLISHED}), Status.WITHDRAWN, "news.publish_article"),
}


def allowed_actions(*, article: Article, user) -> list[str]:
    """The transitions ``user`` may apply to ``article`` now (what the admin offers as buttons)."""
    return [
        action
        for action, (sources, _target, permission) in TRANSITIONS.items()
        if article.status in sources and user.has_perm(permission) and _owns_or_reviews(article, user)
    ]


def _owns_or_reviews(article: Article, user) -> bool:
    """Writers submit only their own articles; reviewers act on anyone's."""
    return user.has_perm("news.review_article") or article.created_by_id == user.pk


def _transition(*, article: Article, by, action: str, note: str = "") -> Article:
    sources, target, permission = TRANSITIONS[action]
    if not by.has_perm(permission) or not _owns_or_reviews(article, by):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
    with transaction.atomic():
        # Lock the row: two editors pressing "Đăng bài" at once must not both log a transition.
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status not in sources:
            raise ValidationError(
                _("Không thể %(action)s bài đang ở trạng thái “%(status)s”.")
                % {"action": Action(action).label.lower(), "status": current.get_status_display()},
                code="bad_transition",
            )
        fields = {"status": target}
        if action == Action.PUBLISH and current.published_at is None:
            fields["published_at"] = timezone.now()
        if action == Action.PUBLISH and current.published_at and current.published_at > timezone.now() and not note:
            note = _("Hẹn giờ đăng %(when)s") % {"when": vn_clock_day(current.published_at)}
        Article.objects.filter(pk=current.pk).update(updated_at=timezone.now(), **fields)
        after = {"category_id": current.category_id, "published_at": current.published_at, **fields}
        counts.refresh(
            {
                counts.key_of(current.category_id, current.status, current.published_at),
                counts.key_of(after["category_id"], after["status"], after["published_at"]),
            }
        )
        if Article.Status.PUBLISHED in (current.status, target):
            sitemap_pages.articles_changed([current.pk])
        ArticleEvent.objects.create(
            article=current, action=action, from_status=current.status, to_status=target, by=by, note=note
        )
        # update() sends no post_save: say it here, or cached lists (related news, most viewed) keep a withdrawn
        # article, or miss a published one, until they expire.
        transaction.on_commit(bump_generation)
        for name, value in fields.items():
            setattr(article, name, value)
        notify_transition(article=article, action=action, by=by, note=note)
    return article


def submit_article(*, article: Article, by) -> Article:
    """A writer sends a draft (or a returned article) to the editors; it is no longer the writer's to edit."""
    return _transition(article=article, by=by, action=Action.SUBMIT)


def return_article(*, article: Article, by, reason: str) -> Article:
    """An editor sends an article back to its writer with the reason, which the writer sees on the article."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do trả lại bài."), code="reason_required")
    return _transition(article=article, by=by, action=Action.RETURN, note=reason)


def publish_article(*, article: Article, by) -> Article:
    """Publish now, or at the article's publication time if that lies in the future (scheduled).

    Refused while a blocking check before publishing fails (``news.checks``: a picture without alt text, an
    empty link, a link to an article readers cannot open).
    """
    blocking = blocking_messages(findings_for(article))
    if blocking:
        raise ValidationError(blocking, code="prepublish_checks")
    return _transition(article=article, by=by, action=Action.PUBLISH)


def withdraw_article(*, article: Article, by, reason: str) -> Article:
    """Take a published article off the site, saying why (logged, shown to the writer); it stays in the admin."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do gỡ bài."), code="reason_required")
    return _transition(article=article, by=by, action=Action.WITHDRAW, note=reason)


# The state -> the action whose reason explains it, while the article is in that state.
REASONED = {Status.RETURNED: Action.RETURN, Status.WITHDRAWN: Action.WITHDRAW}


def status_reason(article: Article) -> str:
    """Why the article is returned or withdrawn (the latest such move's reason); empty in any other state."""
    action = REASONED.get(article.status)
    if action is None:
        return ""
    event = article.events.filter(action=action).order_by("-at", "-id").first()
    return event.note if event else ""


def last_return_reason(article: Article) -> str:
    """The reason of the latest return, while the article is returned; empty otherwise."""
    return status_reason(article) if article.status == Status.RETURNED else ""


def reschedule_article(*, article: Article, by, when) -> Article:
    """Move a scheduled article to another time still to come (the editorial calendar); logged, writer told."""
    if not by.has_perm("news.publish_article"):
        raise PermissionDenied(_("Bạn không có quyền đổi giờ đăng bài."))
    if when is None or when <= timezone.now():
        raise ValidationError(_("Giờ đăng mới phải ở trong tương lai."), code="past")
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status != Status.PUBLISHED or current.published_at is None or current.published_at <= timezone.now():
            raise ValidationError(_("Chỉ đổi được giờ của bài đang hẹn giờ đăng."), code="not_scheduled")
        before = timezone.localtime(current.published_at).strftime("%H:%M %d/%m/%Y")
        Article.objects.filter(pk=current.pk).update(published_at=when, updated_at=timezone.now())
        sitemap_pages.articles_changed([current.pk])  # its page's next scheduled time moved
        note = _("Từ %(before)s sang %(after)s") % {
            "before": before,
            "after": timezone.localtime(when).strftime("%H:%M %d/%m/%Y"),
        }
        ArticleEvent.objects.create(
            article=current,
            action=Action.RESCHEDULE,
            from_status=current.status,
            to_status=current.status,
            by=by,
            note=note,
        )
        transaction.on_commit(bump_generation)  # the next scheduled time, cached beside related news, moved
        article.published_at = when
        notify_transition(article=article, action=Action.RESCHEDULE, by=by, note=note)
    return article


def add_note(*, article: Article, by, text: str, parent: ArticleNote | None = None) -> ArticleNote:
    """An editorial note on ``article`` (a reply when ``parent`` is given), by someone who may open it in the
    admin; the other side of the review is told."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Hãy viết nội dung ghi chú."), code="empty")
    if not Article.objects.visible_to(by).filter(pk=article.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền ghi chú vào bài này."))
    if parent is not None and parent.article_id != article.pk:
        raise ValidationError(_("Ghi chú được trả lời không thuộc bài này."), code="wrong_parent")
    with transaction.atomic():
        note = ArticleNote.objects.create(article=article, author=by, text=text[:4000], parent=parent)
        notify_note(note=note, by=by)
    return note


def record_revision(*, article: Article, by, comment: str = "") -> ArticleRevision | None:
    """Store the article as it is now; nothing when it equals the latest revision."""
    with transaction.atomic():
        latest = ArticleRevision.objects.select_for_update().filter(article=article).order_by("-number").first()
        data = snapshot(article)
        if latest and latest.data == data:
            return None
        return ArticleRevision.objects.create(
            article=article, number=(latest.number + 1 if latest else 1), data=data, by=by, comment=comment
        )


NOT_RECORDED = gettext_lazy(
    "%(field)s: phiên bản này được lưu trước khi lịch sử ghi các liên kết, giữ nguyên như hiện tại."
)


@dataclass
class Restored:
    """A restore's outcome: the new revision, and what could not be brought back (told to the editor)."""

    revision: ArticleRevision
    notes: list[str] = field(default_factory=list)


def restore_revision(*, revision: ArticleRevision, by) -> Restored:
    """Put an old revision's fields and links back; the result is itself a new revision.

    The status is not restored (it moves only through the review buttons), nor, for someone who may not publish,
    the publication time and "featured" (the form keeps those from them too). Links to rows deleted since are
    skipped, and links an old revision never recorded are kept as they are; ``notes`` says which.
    """
    article = revision.article
    if not by.has_perm("news.change_article"):
        raise PermissionDenied(_("Bạn không có quyền sửa bài viết."))
    data, notes = revision.data, []
    with transaction.atomic():
        _restore_fields(article, data, by=by, notes=notes)
        article.save()
        for name in LINKS:
            _restore_link(article, name, data, notes)
        _restore_pins(article, data, notes)
        comment = _("Khôi phục từ phiên bản #%(n)s") % {"n": revision.number}
        restored = record_revision(article=article, by=by, comment=comment)
    latest = restored or ArticleRevision.objects.filter(article=article).order_by("-number").first()
    return Restored(revision=latest, notes=notes)


def _restore_fields(article: Article, data: dict, *, by, notes: list[str]) -> None:
    for name in ("title", "slug", "lead", "body", "cover_caption", "author_name", "source", "allow_comments"):
        setattr(article, name, data.get(name, getattr(article, name)))
    article.cover.name = data.get("cover") or None
    if by.has_perm("news.publish_article"):
        article.is_featured = data.get("is_featured", article.is_featured)
        if data.get("published_at"):  # a revision without a time would move a published article to "now"
            article.published_at = parse_datetime(data["published_at"])
    category = data.get("category")
    if category and category != article.category_id:
        if Category.objects.filter(pk=category).exists():
            article.category_id = category
        else:
            notes.append(_("Chuyên mục của phiên bản này đã bị xóa: giữ chuyên mục hiện tại."))
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        article.slug = ""  # taken meanwhile by another article: make a fresh one


def _restore_link(article: Article, name: str, data: dict, notes: list[str]) -> None:
    """Set one many-to-many link to the revision's rows that still exist."""
    label = field_label(name)
    if name not in data:
        notes.append(NOT_RECORDED % {"field": label})
        return
    values = data[name]
    model = linked_model(name)
    # Revisions written before links were kept hold tag names instead of ids.
    names = [value for value in values if isinstance(value, str)]
    rows = list(model._default_manager.filter(pk__in=[value for value in values if not isinstance(value, str)]))
    if names:
        rows += list(model._default_manager.filter(name__in=names))
    getattr(article, name).set(rows)
    _note_missing(notes, label, len(values) - len(rows))


def _restore_pins(article: Article, data: dict, notes: list[str]) -> None:
    """Pin the revision's related news again, in its order."""
    label = field_label(PINNED)
    if PINNED not in data:
        notes.append(NOT_RECORDED % {"field": label})
        return
    existing = set(Article.objects.filter(pk__in=data[PINNED]).exclude(pk=article.pk).values_list("pk", flat=True))
    pins = [pk for pk in data[PINNED] if pk in existing]
    RelatedArticle.objects.filter(article=article).delete()
    RelatedArticle.objects.bulk_create(
        RelatedArticle(article=article, related_id=pk, position=position) for position, pk in enumerate(pins, 1)
    )
    transaction.on_commit(bump_generation)  # bulk_create sends no post_save: the cached related lists are stale
    _note_missing(notes, label, len(data[PINNED]) - len(pins))


def _note_missing(notes: list[str], label: str, missing: int) -> None:
    if missing > 0:
        notes.append(
            _("%(field)s: %(n)s mục đã bị xóa từ sau phiên bản này nên không khôi phục được.")
            % {"field": label, "n": missing}
        )
