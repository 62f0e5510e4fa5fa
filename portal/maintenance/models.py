"""A planned downtime: when it starts, when the portal is expected back, and what readers are told."""

import datetime

from django.core.cache import cache
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.workdays import subtract_working_days

NOTICE_WORKING_DAYS = 7  # announced at least this many working days ahead
CACHE_KEY = "maintenance:upcoming"
CACHE_SECONDS = 3600  # the rows, not the decision: a notice still appears and leaves on time (see ``showing``)


class MaintenanceQuerySet(models.QuerySet):
    def upcoming(self, now: datetime.datetime | None = None):
        """Downtimes not over yet (expected end still ahead), soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")


def showing(now: datetime.datetime | None = None) -> list["Maintenance"]:
    """The notices every public page shows now: from 7 working days before the start until the expected end.

    The upcoming rows are cached (at most one query per page, none on a warm cache; a save or a deletion clears
    it, ``signals``); which of them show is decided here, at each request, so none waits for the cache to expire.
    """
    now = now or timezone.now()
    rows = cache.get(CACHE_KEY)
    if rows is None:
        rows = list(Maintenance.objects.upcoming(now))
        cache.set(CACHE_KEY, rows, CACHE_SECONDS)
    return [notice for notice in rows if notice.is_shown(now)]


class Maintenance(models.Model):
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("dự kiến hoạt động trở lại"))
    message = models.TextField(
        _("nội dung thông báo"),
        max_length=500,
        help_text=_("Ví dụ: Nâng cấp máy chủ; trong thời gian này bạn đọc không truy cập được cổng thông tin."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    objects = MaintenanceQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("lịch bảo trì")
        verbose_name_plural = _("lịch bảo trì")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="maintenance_ends_after_start",
                violation_error_message=_("Thời gian hoạt động trở lại phải sau thời gian bắt đầu."),
            )
        ]

    def __str__(self):
        return (
            f"{timezone.localtime(self.starts_at):%d/%m/%Y %H:%M} – {timezone.localtime(self.ends_at):%d/%m/%Y %H:%M}"
        )

    @property
    def announced_on(self) -> datetime.date:
        """The first day the banner shows: 7 working days before the start (weekends and holidays skipped)."""
        return subtract_working_days(timezone.localdate(self.starts_at), NOTICE_WORKING_DAYS)

    def is_shown(self, now: datetime.datetime) -> bool:
        return self.announced_on <= timezone.localdate(now) and now < self.ends_at

    def is_under_way(self, now: datetime.datetime | None = None) -> bool:
        return self.starts_at <= (now or timezone.now()) < self.ends_at
