"""Working days in Vietnam: weekends and public holidays (with the days off given in their place) excluded.

One rule for every deadline the portal counts in working days: a reader's question is answered within 15,
an award proposal stays open for comment at least 10, a planned downtime is announced 7 ahead. The holidays
come from the maintained `holidays` package (Tết, Giỗ Tổ Hùng Vương by the lunar calendar, and the
compensatory days the government announces), so nobody keeps a table by hand. A leaf module: it imports no app.
"""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def _holidays_of(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def holiday_name(day: datetime.date) -> str | None:
    """The Vietnamese name of the public holiday on ``day``, or None."""
    return holidays.country_holidays("VN", years=day.year, language="vi").get(day)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted); ``days`` may be 0."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    while days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``)."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        count += is_working_day(day)
    return count


def subtract_working_days(end: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days before ``end``: the day from which a notice ``days`` ahead shows."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = end
    while days:
        day -= datetime.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day
