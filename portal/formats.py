"""Numbers and times written the way Vietnamese portals write them: the one definition, for templates (the
``portal_tags`` filters), charts, exports and commands alike. Imports no app of the project."""

from datetime import datetime

from django.utils import timezone

WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]


def vn_number(value, decimals: int = 1) -> str:
    """ "1.941.765": dots group thousands; "12,5": a comma before decimals (``decimals`` of them, when not whole).

    A value that is not a number is given back as it came, so a template shows it rather than an error.
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    if number.is_integer():
        return f"{int(number):,}".replace(",", ".")
    return f"{number:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")


def local(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return timezone.localtime(value) if timezone.is_aware(value) else value


def vn_datetime(value) -> str:
    """ "Thứ ba, 03/02/2015 - 14:56": the article header's form."""
    value = local(value)
    if value is None:
        return ""
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y - %H:%M}"


def vn_list_time(value) -> str:
    """ "11/08/2023 2:47 CH": a list entry's form, 12-hour clock, SA (morning) or CH (afternoon)."""
    value = local(value)
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{value:%d/%m/%Y} {hour}:{value:%M} {'SA' if value.hour < 12 else 'CH'}"


def vn_date(value) -> str:
    value = local(value)
    return f"{value:%d/%m/%Y}" if value else ""


def vn_short_datetime(value) -> str:
    """ "03/02/2015 14:56": a time in a table or a message."""
    value = local(value)
    return f"{value:%d/%m/%Y %H:%M}" if value else ""


def vn_clock_day(value) -> str:
    """ "09:00 17/12": when something happens soon (a scheduled article); the year only if it is not this one."""
    value = local(value)
    if value is None:
        return ""
    year = "" if value.year == timezone.localtime().year else f"/{value:%Y}"
    return f"{value:%H:%M %d/%m}{year}"


def vn_now() -> str:
    """ "Thứ bảy, 27/04/2024, 19:47 [GMT+7]": the header's current date and time."""
    now = timezone.localtime()
    return f"{WEEKDAYS[now.weekday()]}, {now:%d/%m/%Y, %H:%M} [GMT+7]"
