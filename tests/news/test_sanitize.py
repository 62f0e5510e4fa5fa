"""The body's HTML is cleaned with an allow-list: what CKEditor 5 makes stays, a corpus of XSS payloads goes."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from news.sanitize import clean_html
from portal.embeds import EMBED_PREFIXES
from tests.factories import make_article

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]
ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "mark",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "span",
    "figure",
    "figcaption",
    "img",
    "picture",
    "source",
    "oembed",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "iframe",
}
URL_ATTRIBUTES = {"href", "src", "srcset", "url", "action", "formaction", "background", "xlink:href", "data"}
HIDING_STYLES = re.compile(r"position|display|visibility|opacity|z-index|inset|clip|transform|top:|left:", re.I)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _scheme(value: str) -> str:
    """The URL's scheme as a browser would read it: entities decoded, control characters and spaces ignored."""
    decoded = re.sub(r"[\x00-\x20]", "", html.unescape(value or "")).lower()
    return decoded.split(":", 1)[0] if ":" in decoded.split("/", 1)[0] else ""


def test_the_corpus_is_big_enough():
    assert len(PAYLOADS) >= 40


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_harmless_after_cleaning(payload):
    cleaned = clean_html(payload)
    lowered = cleaned.lower()
    assert "<script" not in lowered
    assert "<style" not in lowered
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", lowered), cleaned
    assert "javascript:" not in html.unescape(lowered).replace(" ", "")
    assert "data:text/html" not in html.unescape(lowered)
    collector = _Collector()
    collector.feed(cleaned)
    for tag, attributes in collector.tags:
        assert tag in ALLOWED_TAGS, cleaned
        for name, value in attributes.items():
            assert not name.startswith("on"), cleaned
            if name in URL_ATTRIBUTES:
                for entry in (value or "").split(","):
                    assert _scheme(entry.strip()) in {"", "http", "https", "mailto", "tel"}, cleaned
            if name == "style":
                assert not HIDING_STYLES.search(value or ""), cleaned
                assert "url(" not in (value or "").lower() and "expression" not in (value or "").lower()
        if tag == "iframe":
            assert attributes.get("src", "").startswith(EMBED_PREFIXES), cleaned
            assert ".." not in attributes["src"]
        if tag == "a" and "href" in attributes:
            assert attributes.get("rel") == "noopener noreferrer"
    assert clean_html(cleaned) == cleaned  # idempotent: safe to clean on every save


def test_what_ckeditor_makes_survives():
    body = (
        "<h2>Kết quả nổi bật</h2>"
        '<p style="text-align:center;">Đảng bộ có <strong>126</strong> đảng viên, <em>9</em> chi bộ.</p>'
        '<figure class="image"><img src="/media/editor/2024/05/hoi-nghi.jpg" alt="Hội nghị">'
        "<figcaption>Quang cảnh hội nghị. Ảnh: Lâm Anh</figcaption></figure>"
        '<figure class="table"><table><tbody><tr><th>Năm</th><td>1.900 trường hợp</td></tr></tbody></table></figure>'
        "<blockquote><p>Nói đi đôi với làm.</p></blockquote>"
        '<ul><li>Mô hình "Nụ cười tiếp dân"</li></ul>'
        '<p><a href="https://thuvienphapluat.vn/">Văn bản</a></p>'
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen></iframe>'
        '<figure class="media"><oembed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></oembed></figure>'
    )
    cleaned = clean_html(body)
    for kept in (
        "<h2>Kết quả nổi bật</h2>",
        'style="text-align:center"',
        '<figure class="image"><img src="/media/editor/2024/05/hoi-nghi.jpg" alt="Hội nghị">',
        "<figcaption>Quang cảnh hội nghị. Ảnh: Lâm Anh</figcaption>",
        "<th>Năm</th>",
        "<blockquote>",
        "<li>",
        'href="https://thuvienphapluat.vn/" rel="noopener noreferrer"',
        # The frame is kept as the player's privacy-enhanced embed page (portal.embeds), the video block's form.
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"',
        '<figure class="media"><oembed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></oembed></figure>',
    ):
        assert kept in cleaned, kept


@pytest.mark.parametrize(
    "embed",
    [
        '<iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>',
        '<iframe src="https://www.youtube.com/embed/../../evil"></iframe>',
        '<iframe src="http://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
        '<oembed url="https://evil.example/watch?v=dQw4w9WgXcQ"></oembed>',
        '<oembed url="https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ"></oembed>',
    ],
)
def test_frames_and_media_embeds_of_other_hosts_are_dropped(embed):
    assert clean_html(f"<p>Tin</p>{embed}") == "<p>Tin</p>"


@pytest.mark.django_db
def test_the_body_is_cleaned_on_every_save():
    article = make_article(body='<p onclick="alert(1)">Tin</p><iframe src="https://evil.example/"></iframe>')
    assert article.body == "<p>Tin</p>"
    article.body = '<img src="x" onerror="alert(1)">'
    article.save()
    article.refresh_from_db()
    assert article.body == '<img src="x">'
