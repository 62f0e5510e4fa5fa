"""Editing an article safely: one editor at a time, no save over a newer version, nothing lost when a tab closes.

- **Locks.** Opening an article to edit takes its lock; the page keeps it alive (a heartbeat every 30 s) and
  gives it back when it closes. A lock not seen for ``ARTICLE_LOCK_SECONDS`` has expired: the editor left. Anyone
  else reads the article, or takes the lock over; the first person is told at their next heartbeat or save.
- **Stale saves.** The form carries the time of the version it was opened on (``updated_at``); a save when the
  article has changed since is refused, with the typed text kept in the form, instead of overwriting.
- **Autosave.** The form's fields are kept per person and article, server side, every 30 s and when the page
  closes; reopening offers them back when they are newer than the saved article. Saving discards them.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from portal.formats import vn_short_datetime

from .models import Article, ArticleAutosave, ArticleLock

# The fields an autosave keeps: what a person types. Links and pictures are saved with the form itself.
AUTOSAVED_FIELDS = ("title", "slug", "lead", "body", "cover_caption", "author_name", "source", "new_tags")
MAX_AUTOSAVE_CHARS = 2_000_000


@dataclass(frozen=True)
class LockState:
    held: bool  # by the person asking
    holder_name: str = ""
    since: datetime.datetime | None = None
    taken_over_by: str = ""  # set when someone took the asker's lock away

    @property
    def message(self) -> str:
        if self.taken_over_by:
            return _("%(name)s đã tiếp quản bài này: bạn chỉ còn xem được. Hãy chép lại phần đang gõ nếu cần.") % {
                "name": self.taken_over_by
            }
        if self.held:
            return ""
        return _("Đang được %(name)s sửa từ %(time)s.") % {
            "name": self.holder_name,
            "time": vn_short_datetime(self.since),
        }


def display_name(user) -> str:
    """ "Nguyễn Văn A": the family name ("Họ", Django's last_name) comes first in Vietnamese."""
    return f"{user.last_name} {user.first_name}".strip() or user.get_username()


def lock_lifetime() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.ARTICLE_LOCK_SECONDS)


def _alive(lock: ArticleLock, now) -> bool:
    return lock.seen_at > now - lock_lifetime()


def _locked_row(article: Article) -> ArticleLock | None:
    return ArticleLock.objects.select_for_update().select_related("holder").filter(article=article).first()


def take_lock(*, article: Article, user) -> LockState:
    """Take or keep the lock for ``user``; the holder's state when someone else holds a live lock."""
    now = timezone.now()
    with transaction.atomic():
        lock = _locked_row(article)
        if lock is None:
            try:
                with transaction.atomic():
                    ArticleLock.objects.create(article=article, holder=user, taken_at=now, seen_at=now)
            except IntegrityError:  # taken by someone else in the same instant: theirs
                lock = _locked_row(article)
            else:
                return LockState(held=True)
        if lock.holder_id != user.pk and _alive(lock, now):
            return LockState(held=False, holder_name=display_name(lock.holder), since=lock.taken_at)
        if lock.holder_id != user.pk:
            lock.holder, lock.taken_at, lock.taken_over_from = user, now, None
        lock.seen_at = now
        lock.save()
    return LockState(held=True)


def keep_lock(*, article: Article, user) -> LockState:
    """The heartbeat: keep ``user``'s lock alive; tell them if it was taken over meanwhile."""
    now = timezone.now()
    with transaction.atomic():
        lock = _locked_row(article)
        if lock is not None and lock.holder_id != user.pk and _alive(lock, now):
            taken_over = lock.taken_over_from_id == user.pk
            return LockState(
                held=False,
                holder_name=display_name(lock.holder),
                since=lock.taken_at,
                taken_over_by=display_name(lock.holder) if taken_over else "",
            )
    return take_lock(article=article, user=user)


def take_over(*, article: Article, user) -> str:
    """Take the lock from whoever holds it (after the person confirmed); the previous holder's name, or ""."""
    now = timezone.now()
    with transaction.atomic():
        lock = _locked_row(article)
        if lock is None:
            ArticleLock.objects.create(article=article, holder=user, taken_at=now, seen_at=now)
            return ""
        previous = lock.holder if lock.holder_id != user.pk else None
        lock.holder, lock.taken_at, lock.seen_at = user, now, now
        lock.taken_over_from = previous
        lock.save()
    return display_name(previous) if previous else ""


def release_lock(*, article: Article, user) -> None:
    """The editor left: their lock goes (someone else's stays)."""
    ArticleLock.objects.filter(article=article, holder=user).delete()


def opened_stamp(article: Article) -> str:
    return article.updated_at.isoformat() if article.pk and article.updated_at else ""


def check_save(*, article: Article, user, stamp: str) -> None:
    """Refuse a save by ``user`` over someone else's live lock, or over a version newer than the one opened."""
    state = keep_lock(article=article, user=user)
    if not state.held:
        raise ValidationError(state.message + " " + _("Phần bạn gõ chưa được lưu."), code="locked")
    if not stamp:
        return  # not posted by the article form (which always sends it): nothing to compare with
    try:
        opened = parse_datetime(stamp)
    except ValueError:  # well formed but impossible ("2026-02-30"): not a stamp this form wrote
        opened = None
    current = Article.objects.filter(pk=article.pk).values_list("updated_at", flat=True).first()
    if opened is None or (current and current > opened):
        raise ValidationError(
            _(
                "Bài đã được lưu một phiên bản mới hơn lúc %(time)s, sau khi bạn mở. Phần bạn gõ chưa được lưu: "
                "hãy chép lại, mở lại bài để xem bản mới rồi sửa tiếp."
            )
            % {"time": vn_short_datetime(current)},
            code="stale",
        )


# --- autosave ---------------------------------------------------------------------------------------------------
def store_autosave(*, user, article: Article | None, data: dict) -> ArticleAutosave:
    """Keep what ``user`` typed in the article form (only the typed fields, bounded)."""
    kept = {name: str(data.get(name, ""))[:MAX_AUTOSAVE_CHARS] for name in AUTOSAVED_FIELDS if name in data}
    copy, _created = ArticleAutosave.objects.update_or_create(
        article=article, user=user, defaults={"data": kept, "saved_at": timezone.now()}
    )
    return copy


def autosave_to_offer(*, user, article: Article | None) -> ArticleAutosave | None:
    """The person's copy when it is newer than the saved article and differs from it."""
    copy = ArticleAutosave.objects.filter(article=article, user=user).first()
    if copy is None:
        return None
    if article is not None:
        if article.updated_at and copy.saved_at <= article.updated_at:
            return None
        if all(
            str(getattr(article, name, "") or "") == value for name, value in copy.data.items() if name != "new_tags"
        ):
            return None
    return copy


def discard_autosave(*, user, article: Article | None) -> None:
    ArticleAutosave.objects.filter(article=article, user=user).delete()
