"""Checks before publishing: what an editor should see before an article goes out, and what stops it.

One rule for the change form (shown as a panel, and refused when "Lưu và đăng bài" is pressed) and for
``news.services.publish_article`` (the list action and any other caller). Blocking findings are the ones that
would hurt every reader: a picture a screen reader cannot describe, a link that leads nowhere or to an article
readers cannot open. The rest are advice: the editor decides.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from .models import Article

MAX_TITLE_LENGTH = 150
MIN_BODY_WORDS = 100
ARTICLE_PATH = re.compile(r"^/bai-viet/(?P<slug>[-\w]+)/?$")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    blocking: bool


class _BodyReader(HTMLParser):
    """Collects what the checks need from the body's HTML in one pass."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images_without_alt = 0
        self.empty_links = 0
        self.hrefs: list[str] = []
        self.heading_levels: list[int] = []
        self.words = 0
        self._link: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            if not (attrs.get("alt") or "").strip():
                self.images_without_alt += 1
            if self._link is not None:
                self._link["text"] += attrs.get("alt") or ""
        elif tag == "a":
            self._link = {"href": (attrs.get("href") or "").strip(), "text": ""}
        elif re.fullmatch(r"h[1-6]", tag):
            self.heading_levels.append(int(tag[1]))

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            link, self._link = self._link, None
            if not link["href"] or link["href"] == "#" or not link["text"].strip():
                self.empty_links += 1
            else:
                self.hrefs.append(link["href"])

    def handle_data(self, data):
        self.words += len(data.split())
        if self._link is not None:
            self._link["text"] += data


def _article_slug(href: str) -> str | None:
    """The slug of a link to one of this portal's articles, relative or absolute; None for anything else."""
    parts = urlsplit(href)
    if parts.netloc and parts.netloc != urlsplit(settings.SITE_URL).netloc:
        return None
    match = ARTICLE_PATH.match(parts.path)
    return match["slug"] if match else None


def _skipped_headings(levels: list[int]) -> bool:
    """The article's title is the page's h1, so the body starts at h2 and goes down one level at a time."""
    previous = 1
    for level in levels:
        if level > previous + 1:
            return True
        previous = level
    return False


def _unpublished_links(hrefs: list[str], *, own_slug: str) -> list[str]:
    slugs = {slug for slug in map(_article_slug, hrefs) if slug and slug != own_slug}
    if not slugs:
        return []
    public = set(Article.objects.published().filter(slug__in=slugs).values_list("slug", flat=True))
    return sorted(slugs - public)


def prepublish_findings(*, title: str, lead: str, body: str, has_cover: bool, slug: str = "") -> list[Finding]:
    """Every finding for an article with these contents, blocking ones first. One query at most."""
    reader = _BodyReader()
    reader.feed(body or "")
    reader.close()
    findings = []
    if reader.images_without_alt:
        findings.append(
            Finding(
                "image_alt",
                _("%(n)s ảnh trong bài chưa có mô tả (alt): người khiếm thị không biết ảnh nói gì.")
                % {"n": reader.images_without_alt},
                blocking=True,
            )
        )
    if reader.empty_links:
        findings.append(
            Finding(
                "empty_link",
                _("%(n)s liên kết trống (không có địa chỉ hoặc không có chữ).") % {"n": reader.empty_links},
                blocking=True,
            )
        )
    unpublished = _unpublished_links(reader.hrefs, own_slug=slug)
    if unpublished:
        findings.append(
            Finding(
                "unpublished_link",
                _("Liên kết tới bài chưa đăng hoặc không tồn tại: %(slugs)s.") % {"slugs": ", ".join(unpublished)},
                blocking=True,
            )
        )
    findings += _advice(title=title, lead=lead, has_cover=has_cover, reader=reader)
    return findings


def _advice(*, title: str, lead: str, has_cover: bool, reader: _BodyReader) -> list[Finding]:
    advice = []
    if len(title or "") > MAX_TITLE_LENGTH:
        advice.append(
            Finding(
                "long_title",
                _("Tiêu đề dài %(n)s ký tự, quá %(max)s: nên rút gọn.") % {"n": len(title), "max": MAX_TITLE_LENGTH},
                blocking=False,
            )
        )
    if not (lead or "").strip():
        advice.append(Finding("no_lead", _("Bài chưa có sapo (tóm tắt)."), blocking=False))
    if not has_cover:
        advice.append(Finding("no_cover", _("Bài chưa có ảnh đại diện."), blocking=False))
    if _skipped_headings(reader.heading_levels):
        advice.append(
            Finding(
                "heading_levels",
                _("Các tiêu đề mục nhảy cấp (ví dụ từ Tiêu đề 2 sang Tiêu đề 4): nên dùng lần lượt."),
                blocking=False,
            )
        )
    if reader.words < MIN_BODY_WORDS:
        advice.append(
            Finding(
                "short_body",
                _("Nội dung chỉ có %(n)s từ, dưới %(min)s từ.") % {"n": reader.words, "min": MIN_BODY_WORDS},
                blocking=False,
            )
        )
    return advice


def findings_for(article: Article) -> list[Finding]:
    return prepublish_findings(
        title=article.title, lead=article.lead, body=article.body, has_cover=bool(article.cover), slug=article.slug
    )


def blocking_messages(findings: list[Finding]) -> list[str]:
    return [finding.message for finding in findings if finding.blocking]
