import datetime
from zoneinfo import ZoneInfo

import time_machine

from portal.formats import vn_datetime, vn_list_time, vn_now, vn_number

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_article_header_time_is_written_with_the_weekday():
    # 03/02/2015 was a Tuesday ("Thứ ba").
    assert vn_datetime(datetime.datetime(2015, 2, 3, 14, 56, tzinfo=HCM)) == "Thứ ba, 03/02/2015 - 14:56"


def test_times_are_shown_in_vietnam_time_whatever_the_stored_zone():
    utc = datetime.datetime(2015, 2, 3, 7, 56, tzinfo=datetime.UTC)
    assert vn_datetime(utc) == "Thứ ba, 03/02/2015 - 14:56"


def test_list_time_uses_the_12_hour_clock_with_sa_and_ch():
    assert vn_list_time(datetime.datetime(2023, 8, 11, 14, 47, tzinfo=HCM)) == "11/08/2023 2:47 CH"
    assert vn_list_time(datetime.datetime(2023, 8, 11, 9, 5, tzinfo=HCM)) == "11/08/2023 9:05 SA"
    assert vn_list_time(datetime.datetime(2023, 8, 11, 0, 30, tzinfo=HCM)) == "11/08/2023 12:30 SA"
    assert vn_list_time(datetime.datetime(2023, 8, 11, 12, 0, tzinfo=HCM)) == "11/08/2023 12:00 CH"


def test_numbers_group_thousands_with_dots():
    assert vn_number(1941765) == "1.941.765"
    assert vn_number(287) == "287"
    assert vn_number(None) is None


@time_machine.travel(datetime.datetime(2024, 4, 27, 19, 47, tzinfo=HCM), tick=False)
def test_header_date_is_written_as_the_old_portals_write_it():
    assert vn_now() == "Thứ bảy, 27/04/2024, 19:47 [GMT+7]"


def test_numbers_with_decimals_take_a_comma():
    assert vn_number(12.5) == "12,5"
    assert vn_number(1234.25, decimals=2) == "1.234,25"
    assert vn_number(2.0) == "2"
    assert vn_number("không phải số") == "không phải số"
