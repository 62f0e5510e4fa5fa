"""The leaders' work schedule (Lịch công tác), week by week."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of ``day``'s week: Vietnamese weeks, like ISO weeks, start on Monday."""
    return day - datetime.timedelta(days=day.weekday())


class ScheduleEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_week(self, monday: datetime.date):
        """The week's entries in the order of the day, with their leaders: two queries whatever the count."""
        return (
            self.filter(day__gte=monday, day__lt=monday + datetime.timedelta(days=7))
            .order_by("day", models.F("start_time").asc(nulls_first=True), "pk")
            .prefetch_related("leaders")
        )


class ScheduleEntry(models.Model):
    """One engagement of the week: when, who, what, where, who prepares it and who attends."""

    day = models.DateField(_("ngày"), db_index=True)
    start_time = models.TimeField(_("giờ"), null=True, blank=True, help_text=_("Để trống nếu cả ngày."))
    leaders = models.ManyToManyField(
        "about.Leader", verbose_name=_("lãnh đạo chủ trì"), blank=True, related_name="schedule_entries"
    )
    other_leaders = models.CharField(
        _("lãnh đạo khác"), max_length=300, blank=True, help_text=_("Người chủ trì không có trong danh sách lãnh đạo.")
    )
    content = models.TextField(_("nội dung"), max_length=2000)
    location = models.CharField(_("địa điểm"), max_length=300, blank=True)
    preparing = models.CharField(_("chuẩn bị"), max_length=300, blank=True, help_text=_("Đơn vị, người chuẩn bị."))
    attendees = models.TextField(_("thành phần"), max_length=1000, blank=True)
    is_published = models.BooleanField(
        _("công bố"), default=False, help_text=_("Chỉ lịch đã công bố mới hiện với bạn đọc.")
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True, editable=False)
    adjusted_at = models.DateTimeField(
        _("điều chỉnh lúc"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Lần sửa gần nhất sau khi đã công bố: lịch hiện dấu “Điều chỉnh”."),
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = ScheduleEntryQuerySet.as_manager()

    class Meta:
        ordering = ["day", "start_time", "pk"]
        verbose_name = _("mục lịch công tác")
        verbose_name_plural = _("lịch công tác")

    def __str__(self):
        when = self.day.strftime("%d/%m/%Y")
        if self.start_time:
            when = f"{self.start_time:%H:%M} {when}"
        return f"{when}: {self.content[:60]}"

    def get_absolute_url(self):
        return week_url(self.day) + f"#lich-{self.pk}"


def week_url(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return reverse("schedule:week-of", kwargs={"year": year, "week": week})
