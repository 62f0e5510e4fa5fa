import datetime

import pytest

from portal.workdays import (
    add_working_days,
    holiday_name,
    is_working_day,
    subtract_working_days,
    working_days_between,
)

D = datetime.date


def test_weekends_are_not_working_days():
    assert is_working_day(D(2026, 12, 4))  # Friday
    assert not is_working_day(D(2026, 12, 5))  # Saturday
    assert not is_working_day(D(2026, 12, 6))  # Sunday


def test_tet_and_national_day_are_not_working_days():
    assert not is_working_day(D(2026, 2, 17))  # Tết Nguyên Đán, a Tuesday
    assert not is_working_day(D(2026, 9, 2))  # Quốc khánh, a Wednesday
    assert holiday_name(D(2026, 9, 2)) == "Quốc khánh"


def test_compensatory_day_off_is_not_a_working_day():
    # Giỗ Tổ 2026 falls on a Sunday: Monday 27/4 is given in its place.
    assert not is_working_day(D(2026, 4, 27))


def test_fifteen_working_days_skip_a_holiday_and_weekends():
    # From Friday 24/4/2026: 27/4 (day off for Giỗ Tổ), 30/4 and 1/5 are holidays, plus three weekends.
    due = add_working_days(D(2026, 4, 24), 15)
    assert due == D(2026, 5, 20)
    assert working_days_between(D(2026, 4, 24), due) == 15


def test_plain_weeks_count_five_days_each():
    assert add_working_days(D(2026, 11, 30), 10) == D(2026, 12, 14)
    assert add_working_days(D(2026, 11, 30), 0) == D(2026, 11, 30)


def test_subtract_is_the_inverse_on_working_days():
    end = D(2026, 12, 14)
    assert subtract_working_days(end, 10) == D(2026, 11, 30)
    assert working_days_between(D(2026, 12, 14), D(2026, 12, 1)) == 0


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 1), -1)
