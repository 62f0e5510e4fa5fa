"""One saved article put together: title, publication time, view count, author, source, lead, body paragraphs and
image captions, and the documents cited in the text. The rest of the old page (menus, "Tin liên quan", comment
forms, counters, banners) is left out.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.html import escape
from django.utils.translation import gettext as _

from campaigns.numbers import Citation, find_citations
from portal.text import fold

from .files import LegacyError, read_text
from .noise import AUTHOR_PREFIX, CAPTION, SOURCE, is_noise, is_stop_heading, looks_like_name
from .pages import Line, lines_of
from .times import VIEWS, PublicationTime, parse_views


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
    # Documents the text cites ("Chỉ thị 05/CT-TW", "Chỉ thị 03"); the command links the campaigns they name.
    citations: list[Citation] = field(default_factory=list)
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


@dataclass
class _Reading:
    """What the lines of a page said, before the byline and captions are sorted out of the body."""

    title: str = ""
    time: PublicationTime = field(default_factory=PublicationTime)
    views: int | None = None
    lead: str = ""
    body: list[Line] = field(default_factory=list)

    @property
    def place(self) -> str:
        if not self.title:
            return PublicationTime.BEFORE
        return PublicationTime.BODY if self.lead or self.body else PublicationTime.NEAR

    def take(self, line: Line) -> None:
        """Read one line into the title, the time, the counter, the lead or the body; or leave it out."""
        content = line.text
        line_views = parse_views(content)
        if line_views is not None:
            self.views = self.views if self.views is not None else line_views
            content = VIEWS.sub("", content).strip(" |-–:")
        if self.time.offer(content, place=self.place, role=line.role) or not content or is_noise(content):
            return
        if line.role == "meta" and len(content) <= 80:
            return
        if not self.title:
            if line.role == "title" or line.kind in {"h1", "text"} or len(content) >= 20:
                self.title = content
        elif line.role == "title":
            return
        elif not self.lead and (
            line.role == "lead" or (not self.body and len(content) >= 40 and line.role != "caption")
        ):
            self.lead = content
        else:
            self.body.append(Line(line.kind, line.role, content))


def parse_legacy_file(path: Path) -> LegacyArticle:
    return parse_legacy_text(read_text(path))


def parse_legacy_text(text: str) -> LegacyArticle:
    lines, page_title = lines_of(text)
    reading = _Reading()
    for line in lines:
        if is_stop_heading(line.text):
            if reading.body:
                break  # the article is over: what follows is the old page's lists and forms
            continue
        reading.take(line)
    title = reading.title
    if not title and page_title:
        title = page_title.split(" - ")[0].split(" | ")[0].strip()
    if not title:
        raise LegacyError(_("Không tìm thấy tiêu đề bài viết."))
    if reading.time.value is None:
        raise LegacyError(_("Không tìm thấy thời gian đăng bài."))
    author, source = _byline(reading.body)
    blocks = _blocks(reading.body)
    all_text = " ".join([title, reading.lead, *(line.text for line in reading.body)])
    return LegacyArticle(
        title=title[:300],
        published_at=reading.time.value,
        view_count=reading.views or 0,
        author=author[:120],
        source=source[:200],
        lead=reading.lead[:1000],
        paragraphs=[text for kind, text in blocks if kind == "p"],
        captions=[text for kind, text in blocks if kind == "caption"],
        citations=find_citations(all_text),
        blocks=blocks,
    )


def _byline(body: list[Line]) -> tuple[str, str]:
    """The author and the source, which close the article: its last few lines, read from the end, are marked
    "used" so they do not stay in the body.
    """
    source = author = ""
    for line in reversed(body[-4:]):
        content = line.text
        looks_like_source = SOURCE.match(content) and len(content) <= 120 and "," not in content
        if not source and (line.role == "source" or looks_like_source) and len(content) <= 200:
            source, line.role = content.rstrip("."), "used"
            continue
        prefixed = AUTHOR_PREFIX.match(content)
        if not author and (line.role == "author" or prefixed or looks_like_name(content)):
            author, line.role = (prefixed["name"] if prefixed else content).strip(" ."), "used"
    return author, source


def _blocks(body: list[Line]) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    for line in body:
        if line.role == "used":
            continue
        is_caption = line.role == "caption" or line.kind == "figcaption"
        if is_caption or (len(line.text) <= 250 and CAPTION.search(line.text)):
            blocks.append(("caption", line.text))
        else:
            blocks.append(("p", line.text))
    return blocks
