import datetime

from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from portal.formats import WEEKDAYS
from portal.workdays import holiday_name

from .models import ScheduleEntry, week_start, week_url


class WeekView(TemplateView):
    """A week of the published schedule (this week without arguments), with the weeks before and after."""

    template_name = "schedule/week.html"

    def monday(self) -> datetime.date:
        if "year" not in self.kwargs:
            return week_start(timezone.localdate())
        try:
            return datetime.date.fromisocalendar(self.kwargs["year"], self.kwargs["week"], 1)
        except (ValueError, OverflowError):
            raise Http404("Không có tuần này.") from None

    def get_context_data(self, **kwargs):
        monday = self.monday()
        if not datetime.date(1900, 1, 8) <= monday <= datetime.date(9998, 12, 1):
            raise Http404("Không có tuần này.")
        entries = list(ScheduleEntry.objects.published().in_week(monday))
        days = []
        for offset in range(7):
            day = monday + datetime.timedelta(days=offset)
            day_entries = [e for e in entries if e.day == day]
            # Weekends appear only when something is planned on them.
            if offset < 5 or day_entries:
                days.append(
                    {"date": day, "weekday": WEEKDAYS[offset], "holiday": holiday_name(day), "entries": day_entries}
                )
        this_monday = week_start(timezone.localdate())
        year, week, _weekday = monday.isocalendar()
        return super().get_context_data(
            monday=monday,
            sunday=monday + datetime.timedelta(days=6),
            week_year=year,
            week_number=week,
            days=days,
            has_entries=bool(entries),
            is_this_week=monday == this_monday,
            today=timezone.localdate(),
            previous_url=week_url(monday - datetime.timedelta(days=7)),
            next_url=week_url(monday + datetime.timedelta(days=7)),
            this_week_url=week_url(this_monday),
            **kwargs,
        )
