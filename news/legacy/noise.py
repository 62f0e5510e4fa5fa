"""What of an old page is not the article: menus, banners, counters, and the headings after which it is over;
and how the old portals wrote a byline, a source and a photo caption.
"""

import re

from portal.text import fold

# Headings after which the article is over: the old page's lists and forms follow.
STOP_HEADINGS = {
    "tin lien quan",
    "cac tin lien quan",
    "tin moi nhat",
    "tin khac",
    "cac tin khac",
    "tin cung chuyen muc",
    "binh luan",
    "viet binh luan",
    "y kien ban doc",
    "gui y kien",
    "chia se bai viet",
    "hien tai chua co binh luan",
}
_NOISE = re.compile(
    r"^(trang chu|in bai viet|ban in|quay len tren|chia se|gui email|facebook|zalo|twitter|a a|100%|"
    r"so luot truy cap|luot truy cap|dang online|thong ke truy cap|tham do y kien|lien ket|"
    r"xem ket qua|gui binh chon|dang nhap|tim kiem|ve dau trang|top)\b",
)
_BANNER = re.compile(r"MUÔN NĂM|QUANG VINH|^THƯỜNG XUYÊN HỌC TẬP|^NHIỆT LIỆT|^CHÀO MỪNG|GMT\+7")
SOURCE = re.compile(r"^(Nguồn|Theo)\b\s*:?\s*\S", re.IGNORECASE)
AUTHOR_PREFIX = re.compile(r"^(Tác giả|Bài và ảnh|Bài, ảnh|Tin, ảnh|Bài)\s*:\s*(?P<name>.+)$", re.IGNORECASE)
_INITIAL_NAME = re.compile(r"^[A-ZĐ]\.\s?[A-ZĐ][\wÀ-ỹ]+(\s[A-ZĐ][\wÀ-ỹ]+)*$")
CAPTION = re.compile(r"\(?\bẢnh\s*:\s*[^)]{2,60}\)?\.?$", re.IGNORECASE)


def is_stop_heading(text: str) -> bool:
    return fold(text).strip(" :.-") in STOP_HEADINGS


def _is_menu(text: str) -> bool:
    segments = [s for s in re.split(r"\s*[|»›]\s*", text) if s]
    return len(segments) >= 3 and all(len(s) <= 30 for s in segments)


def is_noise(text: str) -> bool:
    folded = fold(text).strip(" :.-")
    return bool(_NOISE.match(folded)) or bool(_BANNER.search(text)) or _is_menu(text)


def looks_like_name(text: str) -> bool:
    """A byline as the old portals wrote it: "HẢI AN", "TRÍ DŨNG", "T. Hùng"."""
    short = len(text) <= 40 and len(text.split()) <= 5
    return short and (text.isupper() or bool(_INITIAL_NAME.match(text)))
