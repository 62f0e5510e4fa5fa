"""Times and numbers written the way Vietnamese portals write them."""

from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()

WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]


def _local(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def vn_datetime(value):
    """ "Thứ ba, 03/02/2015 - 14:56": the article header's form."""
    value = _local(value)
    if value is None:
        return ""
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y - %H:%M}"


@register.filter
def vn_list_time(value):
    """ "11/08/2023 2:47 CH": a list entry's form, 12-hour clock, SA (morning) or CH (afternoon)."""
    value = _local(value)
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{value:%d/%m/%Y} {hour}:{value:%M} {'SA' if value.hour < 12 else 'CH'}"


@register.filter
def vn_date(value):
    value = _local(value)
    return f"{value:%d/%m/%Y}" if value else ""


@register.filter
def vn_number(value):
    """ "1.941.765": dots group thousands."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


@register.simple_tag
def vn_now():
    """ "Thứ bảy, 27/04/2024, 19:47 [GMT+7]": the header's current date and time."""
    now = timezone.localtime()
    return f"{WEEKDAYS[now.weekday()]}, {now:%d/%m/%Y, %H:%M} [GMT+7]"


@register.simple_tag(takes_context=True)
def page_url(context, page_number):
    """The current URL with ?page= replaced, keeping any other query parameters."""
    query = context["request"].GET.copy()
    query["page"] = page_number
    return f"?{query.urlencode()}"
