"""Writes on comments: a reader's submission, a moderator's decision."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal.notifications.models import Kind
from portal.notifications.services import notify, users_with_permission

from .models import Comment


class RateLimited(Exception):
    """The visitor sent too many comments lately; nothing was saved."""


def _rate_key(visitor: str) -> str:
    return f"comments:rate:{visitor}"


def take_comment_slot(visitor: str) -> bool:
    """Count one comment for ``visitor`` in the current window; False if the limit is already reached.

    add() then incr() is atomic in Redis and in the in-process cache, so parallel requests cannot both slip in.
    While the cache is unavailable (Redis down: django-redis answers None), the limit is counted in the database.
    """
    key = _rate_key(visitor)
    cache.add(key, 0, settings.COMMENT_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, settings.COMMENT_RATE_WINDOW)
        count = 1
    if count is None:
        count = _comments_sent_lately(visitor) + 1
    return count <= settings.COMMENT_RATE_LIMIT


def _comments_sent_lately(visitor: str) -> int:
    """The comments saved from this address within the window: the limit when the cache cannot count.

    Not atomic (two requests at the same instant may both pass), which is the price of not refusing everyone or
    letting everyone through while Redis is away; ``visitor`` is the client's address as `submit_comment` gives it.
    """
    since = timezone.now() - datetime.timedelta(seconds=settings.COMMENT_RATE_WINDOW)
    address = visitor if visitor != "unknown" else None
    return Comment.objects.filter(ip_address=address, created_at__gte=since).count()


def submit_comment(*, form, article, ip_address: str | None) -> Comment:
    """Save a valid form as a pending comment on ``article``; raise RateLimited instead if it is one too many."""
    if not take_comment_slot(ip_address or "unknown"):
        raise RateLimited
    comment = form.save(commit=False)
    comment.article = article
    comment.ip_address = ip_address
    comment.status = Comment.Status.PENDING
    try:
        with transaction.atomic():
            comment.save()
            _tell_moderators(comment)
    except Exception:
        # The file is written before the row; never leave it behind without its comment.
        if comment.attachment.name:
            comment.attachment.storage.delete(comment.attachment.name)
        raise
    return comment


def _tell_moderators(comment: Comment) -> None:
    """Everyone who moderates comments (editors, administrators) learns that one waits."""
    notify(
        recipients=users_with_permission("comments.change_comment"),
        kind=Kind.COMMENT,
        title=_("Bình luận chờ duyệt: %s") % comment.article.title,
        body=f"{comment.name}: {Truncator(comment.text).chars(300)}",
        url=reverse("admin:comments_comment_change", args=[comment.pk]),
    )


def moderate_comments(*, comments: QuerySet[Comment], status: str, by) -> int:
    """Approve or reject ``comments`` (a queryset) in one UPDATE; return how many changed."""
    return comments.exclude(status=status).update(status=status, moderated_at=timezone.now(), moderated_by=by)


def approve_comments(*, comments: QuerySet[Comment], by) -> int:
    return moderate_comments(comments=comments, status=Comment.Status.APPROVED, by=by)


def reject_comments(*, comments: QuerySet[Comment], by) -> int:
    return moderate_comments(comments=comments, status=Comment.Status.REJECTED, by=by)
