"""The editorial calendar (/admin/lich-bien-tap/): a month and a week of published and scheduled articles, and
moving a scheduled one (dragged onto another day, or its time typed into the form each entry carries)."""

import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from news import services
from news.models import Article, Category

from .schedule import WEEKDAYS, may_move, month_weeks, week_days


def _require_viewer(request) -> None:
    if not request.user.has_perm("news.view_article"):
        raise PermissionDenied


def _parse(value: str, fmt: str):
    try:
        parsed = datetime.datetime.strptime(value, fmt)
    except (TypeError, ValueError):
        return None
    return parsed if 2000 <= parsed.year <= 2100 else None


def _category(request):
    slug = request.GET.get("chuyen-muc", "")
    return Category.objects.filter(slug=slug).first() if slug else None


def _context(request, **extra) -> dict:
    return {
        **admin.site.each_context(request),
        "weekdays": WEEKDAYS,
        "categories": Category.objects.order_by("position", "name").only("id", "name", "slug"),
        "category": _category(request),
        "may_move": may_move(request.user),
        "now": timezone.localtime(),
        "back": request.get_full_path(),
        **extra,
    }


def month_view(request):
    today = timezone.localdate()
    asked = _parse(request.GET.get("thang", ""), "%Y-%m")
    first = asked.date() if asked else today.replace(day=1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    _require_viewer(request)
    weeks = month_weeks(first.year, first.month, user=request.user, category=_category(request))
    context = _context(
        request,
        title=_("Lịch biên tập: tháng %(month)s năm %(year)s") % {"month": first.month, "year": first.year},
        weeks=weeks,
        mode="month",
        previous=previous.strftime("%Y-%m"),
        following=following.strftime("%Y-%m"),
        week_of=first if first.month != today.month or first.year != today.year else today,
    )
    return TemplateResponse(request, "editorial_calendar/month.html", context)


def week_view(request):
    asked = _parse(request.GET.get("ngay", ""), "%Y-%m-%d")
    day = asked.date() if asked else timezone.localdate()
    monday = day - datetime.timedelta(days=day.weekday())
    _require_viewer(request)
    days = week_days(monday, user=request.user, category=_category(request))
    context = _context(
        request,
        title=_("Lịch biên tập: tuần %(first)s – %(last)s")
        % {"first": monday.strftime("%d/%m"), "last": days[-1].date.strftime("%d/%m/%Y")},
        days=days,
        mode="week",
        previous=(monday - datetime.timedelta(days=7)).isoformat(),
        following=(monday + datetime.timedelta(days=7)).isoformat(),
        month_of=monday.strftime("%Y-%m"),
    )
    return TemplateResponse(request, "editorial_calendar/week.html", context)


def _new_time(request, article: Article):
    """The time asked for: ``when`` (date and time typed), or ``date`` (dragged: the same time on that day)."""
    when = _parse(request.POST.get("when", ""), "%Y-%m-%dT%H:%M")
    if when is None:
        date = _parse(request.POST.get("date", ""), "%Y-%m-%d")
        if date is None:
            return None
        when = datetime.datetime.combine(date.date(), timezone.localtime(article.published_at).time())
    return timezone.make_aware(when)


@require_POST
def move_view(request, pk: int):
    """Move a scheduled article; answers JSON to the calendar's script, a redirect with a message to a form."""
    article = get_object_or_404(Article.objects.visible_to(request.user), pk=pk)
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        if not may_move(request.user):
            raise PermissionDenied(_("Chỉ biên tập viên và quản trị viên được đổi giờ đăng bài."))
        when = _new_time(request, article)
        if when is None:
            raise ValidationError(_("Ngày giờ không hợp lệ."))
        services.reschedule_article(article=article, by=request.user, when=when)
    except (ValidationError, PermissionDenied) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        status = 403 if isinstance(error, PermissionDenied) else 400
        if wants_json:
            return JsonResponse({"ok": False, "message": text}, status=status)
        messages.error(request, text)
    else:
        text = _("Đã đổi giờ đăng “%(title)s” sang %(when)s.") % {
            "title": article.title,
            "when": timezone.localtime(when).strftime("%H:%M %d/%m/%Y"),
        }
        if wants_json:
            return JsonResponse({"ok": True, "message": text})
        messages.success(request, text)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("editorial_calendar:month")
    return redirect(back)
