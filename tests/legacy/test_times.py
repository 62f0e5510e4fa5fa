"""Every time form of the old portals, view counters, and which of a page's times is the article's own."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from news.legacy.articles import parse_legacy_text
from news.legacy.times import parse_time, parse_views

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
CLOCK = "Thứ bảy, 27/04/2024, 19:47 [GMT+7]"  # the site's running clock: the day the page was saved


def hanoi(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=HANOI)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ngày 18 - 08 - 2020", hanoi(2020, 8, 18)),
        ("11/02/2019 10:32", hanoi(2019, 2, 11, 10, 32)),
        ("Thứ ba, 03/02/2015 - 14:56'", hanoi(2015, 2, 3, 14, 56)),
        ("Cập nhật: 28-05-2015 | 07:51:47", hanoi(2015, 5, 28, 7, 51, 47)),
        ("20/05/2022 - 15:17", hanoi(2022, 5, 20, 15, 17)),
        ("(11/08/2023 2:47 CH)", hanoi(2023, 8, 11, 14, 47)),
        ("(11/08/2023 9:05 SA)", hanoi(2023, 8, 11, 9, 5)),
        ("(01/01/2024 12:10 SA)", hanoi(2024, 1, 1, 0, 10)),
        ("(01/01/2024 12:10 CH)", hanoi(2024, 1, 1, 12, 10)),
        ("Chủ nhật, 5/3/2017", hanoi(2017, 3, 5)),
        (CLOCK, hanoi(2024, 4, 27, 19, 47)),
        ("31/02/2020 rồi 01/03/2020 08:00", hanoi(2020, 3, 1, 8, 0)),  # an impossible date is skipped
        ("Không có ngày nào ở đây", None),
    ],
)
def test_every_time_form_of_the_old_portals(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Lượt xem: 287", 287), ("Lượt xem 531", 531), ("lượt xem: 1.941.765", 1941765), ("Không có", None)],
)
def test_view_counters(text, expected):
    assert parse_views(text) == expected


def page(*lines: str) -> str:
    return "\n".join(lines)


LEAD = "Sáng 11/3, Chi bộ Thanh tra Sở tổ chức sinh hoạt chuyên đề với 18 đảng viên tham dự."
TITLE = "Chi bộ Thanh tra sinh hoạt chuyên đề năm 2016"


class ArticleTimeTests:
    def test_the_time_under_the_title_wins_over_the_header_clock(self):
        found = parse_legacy_text(page(CLOCK, TITLE, "12/03/2016 08:30", LEAD))
        assert found.published_at == hanoi(2016, 3, 12, 8, 30)

    def test_a_labelled_time_below_the_lead_wins_over_the_header_clock(self):
        found = parse_legacy_text(page(CLOCK, TITLE, LEAD, "Các đảng viên thảo luận.", "Đăng ngày: 12/03/2016"))
        assert found.published_at == hanoi(2016, 3, 12)

    def test_dates_in_the_text_do_not_replace_the_time_above_the_title(self):
        # A site that shows the article's date above its title, under the header's clock.
        found = parse_legacy_text(
            page(CLOCK, "Thứ bảy, 12/3/2016, 08:30", TITLE, LEAD, "Ngày 15/5/2016, Bộ Chính trị ban hành chỉ thị.")
        )
        assert found.published_at == hanoi(2016, 3, 12, 8, 30)
        assert "Ngày 15/5/2016, Bộ Chính trị ban hành chỉ thị." in found.paragraphs

    def test_without_a_header_the_first_time_still_counts(self):
        found = parse_legacy_text(page(TITLE, LEAD, "Ngày 15/5/2016, Bộ Chính trị ban hành chỉ thị."))
        assert found.published_at == hanoi(2016, 5, 15)

    def test_the_header_clock_line_is_left_out_of_the_article(self):
        found = parse_legacy_text(page(CLOCK, TITLE, "12/03/2016 08:30", LEAD))
        assert found.title == TITLE and found.lead == LEAD
