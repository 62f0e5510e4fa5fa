"""Publication times and view counters as the old portals wrote them, and which time on a page is the article's.

A saved page often shows more than one time: the site's running clock in the header ("Thứ bảy, 27/04/2024,
19:47 [GMT+7]", the day the page was saved), the article's own time by its title or byline, and dates inside the
text. ``PublicationTime`` is told each line in reading order and keeps the article's.
"""

import datetime
import re
from zoneinfo import ZoneInfo

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")

# "18 - 08 - 2020", "11/02/2019 10:32", "03/02/2015 - 14:56'", "28-05-2015 | 07:51:47", "11/08/2023 2:47 CH"
_TIME = re.compile(
    r"(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})"
    r"(?:[\s,|\-–—]*(?P<H>\d{1,2})\s*[:h]\s*(?P<M>\d{2})(?::(?P<S>\d{2}))?'?\s*(?P<ampm>SA|CH|AM|PM)?)?",
    re.IGNORECASE,
)
# Words that say "this is when the article was published".
_LABEL = re.compile(r"đăng ngày|ngày đăng|đăng lúc|thời gian đăng|ngày xuất bản|cập nhật", re.IGNORECASE)
_HINT = re.compile(r"thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|ngày", re.IGNORECASE)
VIEWS = re.compile(r"lượt\s*xem\s*:?\s*(?P<n>\d{1,3}(?:[.,]\d{3})+|\d+)", re.IGNORECASE)


def parse_time(text: str) -> datetime.datetime | None:
    """The first publication time in ``text`` in any form the old portals used, in Hanoi time; None if none."""
    for match in _TIME.finditer(text):
        hour, minute, second = (int(match[g] or 0) for g in ("H", "M", "S"))
        ampm = (match["ampm"] or "").upper()
        if ampm in {"CH", "PM"} and hour < 12:
            hour += 12
        elif ampm in {"SA", "AM"} and hour == 12:
            hour = 0
        try:
            naive = datetime.datetime(int(match["y"]), int(match["m"]), int(match["d"]), hour, minute, second)
        except ValueError:
            continue  # "31/02/2020" or "25:61": not a time, look further
        return naive.replace(tzinfo=HANOI)
    return None


def parse_views(text: str) -> int | None:
    """ "Lượt xem: 1.941" -> 1941; "Lượt xem 531" -> 531."""
    match = VIEWS.search(text)
    return int(re.sub(r"[.,]", "", match["n"])) if match else None


class PublicationTime:
    """The article's own time among the times a page shows.

    Lines come in reading order, each in one of three places: ``BEFORE`` the title (the site's header, and on some
    sites the article's date just above its title), ``NEAR`` it (between the title and the first paragraph: the
    byline's time) or in the ``BODY``. A time near the title wins; then one labelled as the article's ("Đăng
    ngày", "Cập nhật") or in a date block further down; only then the time closest above the title, since the
    first time on a page is often the header's clock. A page with no time before its title reads as it always
    did: the first line that looks like a time.
    """

    BEFORE, NEAR, BODY = "before", "near", "body"

    def __init__(self):
        self.article: datetime.datetime | None = None
        self.above_title: datetime.datetime | None = None

    @property
    def value(self) -> datetime.datetime | None:
        return self.article or self.above_title

    def offer(self, text: str, *, place: str, role: str = "") -> bool:
        """Consider one line; True if the line is a time line (it says nothing else worth keeping)."""
        if self.article is not None:
            return False
        time = parse_time(text)
        if time is None:
            return False
        if place == self.BEFORE:
            self.above_title = time  # the last one above the title is the closest to it
            return True
        labelled = role == "meta" or bool(_LABEL.search(text))
        short = len(text) <= 60
        loose = self.above_title is None and bool(_HINT.search(text))  # "Ngày 12/3/2016, ..." as before
        if labelled or loose or (place == self.NEAR and short) or (short and self.above_title is None):
            self.article = time
            return True
        return False
