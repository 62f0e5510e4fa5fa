"""The newsroom's writes: moving an article through review, and keeping its revisions.

Every function is keyword-only and atomic, checks the person's permission and the article's state before it
writes, and logs what it did (``ArticleEvent`` for transitions, ``ArticleRevision`` for content).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article, ArticleEvent, ArticleRevision, Category
from .models.revisions import snapshot
from .related import bump_generation

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
        Article.objects.filter(pk=current.pk).update(updated_at=timezone.now(), **fields)
        ArticleEvent.objects.create(
            article=current, action=action, from_status=current.status, to_status=target, by=by, note=note
        )
        # update() sends no post_save: say it here, or cached lists (related news, most viewed) keep a withdrawn
        # article, or miss a published one, until they expire.
        transaction.on_commit(bump_generation)
    for name, value in fields.items():
        setattr(article, name, value)
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
    """Publish now, or at the article's publication time if that lies in the future (scheduled)."""
    return _transition(article=article, by=by, action=Action.PUBLISH)


def withdraw_article(*, article: Article, by, reason: str = "") -> Article:
    """Take a published article off the site; it stays in the admin with its history."""
    return _transition(article=article, by=by, action=Action.WITHDRAW, note=(reason or "").strip())


def last_return_reason(article: Article) -> str:
    """The reason of the latest return, while the article is returned; empty otherwise."""
    if article.status != Status.RETURNED:
        return ""
    event = article.events.filter(action=Action.RETURN).order_by("-at", "-id").first()
    return event.note if event else ""


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


def restore_revision(*, revision: ArticleRevision, by) -> ArticleRevision:
    """Put an old revision's content back; the result is itself a new revision. Status is not restored."""
    article = revision.article
    if not by.has_perm("news.change_article"):
        raise PermissionDenied(_("Bạn không có quyền sửa bài viết."))
    data = revision.data
    with transaction.atomic():
        for name in ("title", "slug", "lead", "body", "cover_caption", "author_name", "source"):
            setattr(article, name, data.get(name, getattr(article, name)))
        article.cover.name = data.get("cover") or None
        if data.get("category") and Category.objects.filter(pk=data["category"]).exists():
            article.category_id = data["category"]
        article.is_featured = data.get("is_featured", article.is_featured)
        article.allow_comments = data.get("allow_comments", article.allow_comments)
        if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
            article.slug = ""  # taken meanwhile by another article: make a fresh one
        article.save()
        article.tags.set(data.get("tags", []))
        article.campaigns.set(article.campaigns.model.objects.filter(pk__in=data.get("campaigns", [])))
        article.themes.set(article.themes.model.objects.filter(pk__in=data.get("themes", [])))
        restored = record_revision(
            article=article, by=by, comment=_("Khôi phục từ phiên bản #%(n)s") % {"n": revision.number}
        )
    return restored or ArticleRevision.objects.filter(article=article).order_by("-number").first()
