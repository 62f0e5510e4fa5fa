"""Reading articles saved from the portals this one replaces (``manage.py import_legacy``).

One article per file, plain text or HTML as a browser saves it. ``parse_legacy_file`` returns what it found:
title, publication time, view count, author, source, lead, body paragraphs and image captions, and the codes of
the campaigns named in the text. The rest of the old page (menus, "Tin liên quan", comment forms, counters,
banners) is left out. Nothing here touches the database; the command does the writing.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.text import fold

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_FILE_BYTES = 5 * 1024 * 1024


class LegacyError(Exception):
    """A file that cannot be imported; the message says why, in Vietnamese."""


@dataclass
class LegacyArticle:
    title: str
    published_at: datetime.datetime
    view_count: int = 0
    author: str = ""
    source: str = ""
    lead: str = ""
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    campaign_codes: list[str] = field(default_factory=list)
    # (kind, text) in reading order: kind is "p" or "caption"; what body_html renders.
    blocks: list[tuple[str, str]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The same article gives the same key, however often (and from whichever saved copy) it is imported."""
        identity = f"{fold(' '.join(self.title.split()))}|{self.published_at.isoformat()}"
        return hashlib.sha256(identity.encode()).hexdigest()

    def body_html(self) -> str:
        parts = []
        for kind, text in self.blocks:
            if kind == "caption":
                parts.append(f"<p><em>{escape(text)}</em></p>")
            else:
                parts.append(f"<p>{escape(text)}</p>")
        return "".join(parts)


# --- times and counters ---------------------------------------------------------------------------------------

# "18 - 08 - 2020", "11/02/2019 10:32", "03/02/2015 - 14:56'", "28-05-2015 | 07:51:47", "11/08/2023 2:47 CH"
_TIME = re.compile(
    r"(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})"
    r"(?:[\s,|\-–—]*(?P<H>\d{1,2})\s*[:h]\s*(?P<M>\d{2})(?::(?P<S>\d{2}))?'?\s*(?P<ampm>SA|CH|AM|PM)?)?",
    re.IGNORECASE,
)
_TIME_HINT = re.compile(r"đăng ngày|ngày đăng|cập nhật|thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|ngày", re.IGNORECASE)
_VIEWS = re.compile(r"lượt\s*xem\s*:?\s*(?P<n>\d{1,3}(?:[.,]\d{3})+|\d+)", re.IGNORECASE)


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
    match = _VIEWS.search(text)
    return int(re.sub(r"[.,]", "", match["n"])) if match else None


# --- campaigns named in the text ---------------------------------------------------------------------------------

_CAMPAIGN = re.compile(
    r"(?:Chỉ thị|Kết luận|Nghị quyết|Quy định|Kế hoạch|Hướng dẫn)\s+(?:số\s+)?"
    r"(?P<code>\d{1,4}\s*-\s*[A-ZĐ]{2,4}/[A-ZĐ]{1,6})",
    re.IGNORECASE,
)


def campaign_codes(text: str) -> list[str]:
    """Codes in order of first mention: "Chỉ thị số 05-CT/TW" -> "05-CT/TW"."""
    codes: list[str] = []
    for match in _CAMPAIGN.finditer(text):
        code = re.sub(r"\s+", "", match["code"]).upper()
        if code not in codes:
            codes.append(code)
    return codes


# --- what is not the article ---------------------------------------------------------------------------------------

# Headings after which the article is over: the old page's lists and forms follow.
_STOP = {
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
_SOURCE = re.compile(r"^(Nguồn|Theo)\b\s*:?\s*\S", re.IGNORECASE)
_AUTHOR_PREFIX = re.compile(r"^(Tác giả|Bài và ảnh|Bài, ảnh|Tin, ảnh|Bài)\s*:\s*(?P<name>.+)$", re.IGNORECASE)
_INITIAL_NAME = re.compile(r"^[A-ZĐ]\.\s?[A-ZĐ][\wÀ-ỹ]+(\s[A-ZĐ][\wÀ-ỹ]+)*$")
_CAPTION = re.compile(r"\(?\bẢnh\s*:\s*[^)]{2,60}\)?\.?$", re.IGNORECASE)
# Class or id words of page parts that are not the article.
_SKIP_CLASS = re.compile(
    r"menu|nav|breadcrumb|related|lien-?quan|tin-?khac|other|comment|binh-?luan|banner|marquee|slogan|counter|"
    r"thong-?ke|visit|online|share|social|footer|logo|brand|sidebar|aside|poll|tham-?do|quang-?cao|\bads?\b|widget|"
    r"toolbar|print|fontsize|text-?size",
    re.IGNORECASE,
)
_ROLE_CLASS = [
    ("lead", re.compile(r"sapo|lead|summary|chapeau|tom-?tat|mo-?ta|description", re.IGNORECASE)),
    ("author", re.compile(r"author|tac-?gia|byline", re.IGNORECASE)),
    ("source", re.compile(r"source|nguon", re.IGNORECASE)),
    ("caption", re.compile(r"caption|chu-?thich|image-?desc", re.IGNORECASE)),
    ("meta", re.compile(r"\bdate\b|time|ngay-?dang|publish|meta|view|luot-?xem", re.IGNORECASE)),
]


def _is_menu(text: str) -> bool:
    segments = [s for s in re.split(r"\s*[|»›]\s*", text) if s]
    return len(segments) >= 3 and all(len(s) <= 30 for s in segments)


def _looks_like_name(text: str) -> bool:
    """A byline as the old portals wrote it: "HẢI AN", "TRÍ DŨNG", "T. Hùng"."""
    short = len(text) <= 40 and len(text.split()) <= 5
    return short and (text.isupper() or bool(_INITIAL_NAME.match(text)))


def _is_noise(text: str) -> bool:
    folded = fold(text).strip(" :.-")
    return bool(_NOISE.match(folded)) or bool(_BANNER.search(text)) or _is_menu(text)


# --- reading HTML ---------------------------------------------------------------------------------------------

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "blockquote", "figcaption",
           "section", "article", "header", "footer", "ul", "ol", "table", "figure", "dd", "dt", "center"}  # fmt: skip
_SKIP_TAGS = {"script", "style", "nav", "form", "aside", "iframe", "noscript", "button", "select", "textarea",
              "footer", "marquee", "svg", "object", "embed", "template"}  # fmt: skip
_VOID = {"img", "br", "hr", "meta", "link", "input", "source", "col", "area", "base", "wbr", "embed", "param"}


@dataclass
class _Line:
    kind: str  # the block's tag ("p", "h1", "figcaption"...) or "text" for plain-text files
    role: str  # "lead", "author", "source", "caption", "meta", "title" or ""
    text: str


class _PageParser(HTMLParser):
    """Flattens a saved page into lines of text, each with its block tag and a role guessed from its classes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, str]] = []  # (tag, skipped, role)
        self.lines: list[_Line] = []
        self.buffer: list[str] = []
        self.page_title = ""
        self._in_title = False

    def _skipping(self) -> bool:
        return any(skipped for _tag, skipped, _role in self.stack)

    def _flush(self):
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text and not self._skipping():
            kind = next((tag for tag, _s, _r in reversed(self.stack) if tag in _BLOCKS), "p")
            role = next((role for _t, _s, role in reversed(self.stack) if role), "")
            self.lines.append(_Line(kind, role, text))

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
            return
        if tag in _BLOCKS or tag == "br":
            self._flush()
        if tag in _VOID:
            return
        attributes = dict(attrs)
        marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
        skipped = tag in _SKIP_TAGS or bool(marks.strip() and _SKIP_CLASS.search(marks))
        role = next((name for name, pattern in _ROLE_CLASS if marks.strip() and pattern.search(marks)), "")
        if tag == "figcaption":
            role = "caption"
        if tag == "h1":
            role = "title"
        if role and tag not in _BLOCKS:
            self._flush()
        self.stack.append((tag, skipped, role))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
            return
        if tag in _BLOCKS:
            self._flush()
        if any(open_tag == tag for open_tag, _s, _r in self.stack):
            if tag not in _BLOCKS and self.stack[-1][2]:
                self._flush()  # an inline part with a role ("<span class=date>") keeps its text apart
            while self.stack:
                open_tag, _s, _r = self.stack.pop()
                if open_tag == tag:
                    break

    def handle_data(self, data):
        if self._in_title:
            self.page_title += data
        elif not self._skipping():
            self.buffer.append(data)

    def close(self):
        super().close()
        self._flush()


# --- reading a file ------------------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """The file's text (UTF-8, with or without BOM, or UTF-16 with BOM); LegacyError says why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LegacyError(_("Tệp quá lớn (%(mb).1f MB), tối đa 5 MB.") % {"mb": size / 1024 / 1024})
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LegacyError(_("Không tìm thấy tệp.")) from None
    except IsADirectoryError:
        raise LegacyError(_("Đây là thư mục, không phải tệp.")) from None
    except PermissionError:
        raise LegacyError(_("Không có quyền đọc tệp.")) from None
    except OSError as error:
        raise LegacyError(_("Không đọc được tệp: %(error)s") % {"error": error.strerror or error}) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise LegacyError(_("Tệp nhị phân, không phải văn bản hay HTML."))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LegacyError(_("Tệp không phải mã UTF-8 (hãy lưu lại trang với mã UTF-8).")) from None


def _looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(html|body|div|p|h1|article|span|table)\b", text[:5000], re.IGNORECASE))


def _lines_of(text: str) -> tuple[list[_Line], str]:
    if _looks_like_html(text):
        parser = _PageParser()
        parser.feed(text)
        parser.close()
        return parser.lines, " ".join(parser.page_title.split())
    return [_Line("text", "", " ".join(line.split())) for line in text.splitlines() if line.strip()], ""


def parse_legacy_file(path: Path) -> LegacyArticle:
    return parse_legacy_text(read_text(path))


def parse_legacy_text(text: str) -> LegacyArticle:
    lines, page_title = _lines_of(text)
    title = ""
    published_at = None
    views = None
    lead = ""
    body: list[_Line] = []
    for line in lines:
        content = line.text
        folded = fold(content).strip(" :.-")
        if folded in _STOP:
            if body:
                break  # the article is over: what follows is the old page's lists and forms
            continue
        line_views = parse_views(content)
        if line_views is not None:
            views = views if views is not None else line_views
            content = _VIEWS.sub("", content).strip(" |-–:")
        line_time = parse_time(content) if published_at is None else None
        if line_time and (line.role == "meta" or _TIME_HINT.search(content) or len(content) <= 60 or not title):
            published_at = line_time
            content = ""
        if not content or _is_noise(content):
            continue
        if line.role == "meta" and len(content) <= 80:
            continue
        if not title:
            if line.role == "title" or line.kind in {"h1", "text"} or len(content) >= 20:
                title = content
            continue
        if line.role == "title":
            continue
        if not lead and (line.role == "lead" or (not body and len(content) >= 40 and line.role != "caption")):
            lead = content
            continue
        body.append(_Line(line.kind, line.role, content))
    if not title and page_title:
        title = page_title.split(" - ")[0].split(" | ")[0].strip()
    if not title:
        raise LegacyError(_("Không tìm thấy tiêu đề bài viết."))
    if published_at is None:
        raise LegacyError(_("Không tìm thấy thời gian đăng bài."))

    source = author = ""
    # The source and the author close the article: look at its last few lines, from the end.
    for line in reversed(body[-4:]):
        content = line.text
        looks_like_source = _SOURCE.match(content) and len(content) <= 120 and "," not in content
        if not source and (line.role == "source" or looks_like_source) and len(content) <= 200:
            source, line.role = content.rstrip("."), "used"
            continue
        prefixed = _AUTHOR_PREFIX.match(content)
        if not author and (line.role == "author" or prefixed or _looks_like_name(content)):
            author, line.role = (prefixed["name"] if prefixed else content).strip(" ."), "used"
    blocks: list[tuple[str, str]] = []
    captions: list[str] = []
    for line in body:
        if line.role == "used":
            continue
        if (
            line.role == "caption"
            or line.kind == "figcaption"
            or (len(line.text) <= 250 and _CAPTION.search(line.text))
        ):
            captions.append(line.text)
            blocks.append(("caption", line.text))
        else:
            blocks.append(("p", line.text))
    all_text = " ".join([title, lead, *(line.text for line in body)])
    return LegacyArticle(
        title=title[:300],
        published_at=published_at,
        view_count=views or 0,
        author=author[:120],
        source=source[:200],
        lead=lead[:1000],
        paragraphs=[text for kind, text in blocks if kind == "p"],
        captions=captions,
        campaign_codes=campaign_codes(all_text),
        blocks=blocks,
    )


def legacy_files(paths: list[str]) -> list[Path]:
    """The files named, and the .html/.htm/.txt files inside the folders named, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in {".html", ".htm", ".txt"})
        else:
            found.append(path)
    return found
