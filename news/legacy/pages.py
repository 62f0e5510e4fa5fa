"""A saved page flattened into lines of text, each with its block tag and a role guessed from its classes."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

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
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "blockquote", "figcaption",
           "section", "article", "header", "footer", "ul", "ol", "table", "figure", "dd", "dt", "center"}  # fmt: skip
_SKIP_TAGS = {"script", "style", "nav", "form", "aside", "iframe", "noscript", "button", "select", "textarea",
              "footer", "marquee", "svg", "object", "embed", "template"}  # fmt: skip
_VOID = {"img", "br", "hr", "meta", "link", "input", "source", "col", "area", "base", "wbr", "embed", "param"}


@dataclass
class Line:
    kind: str  # the block's tag ("p", "h1", "figcaption"...) or "text" for plain-text files
    role: str  # "lead", "author", "source", "caption", "meta", "title" or ""
    text: str


class PageParser(HTMLParser):
    """Collects the lines of a saved page, leaving out the parts (menus, forms, footers) that are not the article."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, str]] = []  # (tag, skipped, role)
        self.lines: list[Line] = []
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
            self.lines.append(Line(kind, role, text))

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


def _looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(html|body|div|p|h1|article|span|table)\b", text[:5000], re.IGNORECASE))


def lines_of(text: str) -> tuple[list[Line], str]:
    """The page's lines and its <title> (empty for plain text, where every non-blank line is a line)."""
    if _looks_like_html(text):
        parser = PageParser()
        parser.feed(text)
        parser.close()
        return parser.lines, " ".join(parser.page_title.split())
    return [Line("text", "", " ".join(line.split())) for line in text.splitlines() if line.strip()], ""
