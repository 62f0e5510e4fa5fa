"""Server-side cleaning of rich-text HTML with an allow-list (nh3). No editor cleans HTML on the server.

Kept: headings, paragraphs, lists, links, images with captions, tables, quotes, and videos of an allowed player
(``portal.embeds``, the allow-list the video block uses too). Dropped: scripts and styles, event attributes,
``javascript:``/``data:`` URLs, frames and media embeds from anywhere else, and CSS that could hide or overlay
content (only alignment and sizing survive).
"""

import re

import nh3

from portal.embeds import embed_src

_TAGS = {
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
# "class" is governed by allowed_classes below; listing it here too makes nh3 panic at clean time.
_ATTRIBUTES = {
    "a": {"href", "title", "target"},
    "img": {"src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "style"},
    "source": {"srcset", "sizes", "media", "type"},
    "oembed": {"url"},
    "figure": {"style"},
    "p": {"style"},
    "h2": {"style"},
    "h3": {"style"},
    "h4": {"style"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "table": {"style"},
    "col": {"span", "style"},
    "ol": {"start", "reversed"},
    "iframe": {"src", "width", "height", "title", "allowfullscreen", "frameborder"},
}
_CLASSES = {
    "figure": {
        "image",
        "image-style-side",
        "image-style-align-left",
        "image-style-align-right",
        "image-style-block-align-left",
        "image-style-block-align-right",
        "image_resized",
        "table",
        "media",
    },
    "span": {"text-tiny", "text-small", "text-big", "text-huge"},
    "p": {"text-tiny", "text-small", "text-big", "text-huge"},
    "img": {"image_resized"},
}

_SAFE_URL = re.compile(r"^(https?://|/(?!/)|#|mailto:|tel:)", re.IGNORECASE)
# Kept style properties are few (see filter_style_properties); their values may still smuggle a URL or script.
_BAD_STYLE_VALUE = re.compile(r"url\s*\(|expression\s*\(|javascript:|\\|@import|behavior\s*:", re.IGNORECASE)


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Attribute checks nh3's scheme list does not make (it checks href and src, not srcset or oembed's url)."""
    # Something that reads like a scheme must be one we allow: "`javascript:..." is not a relative path.
    looks_like_scheme = ":" in re.split(r"[/?#]", value, maxsplit=1)[0]
    if attribute in {"href", "src"} and looks_like_scheme and not _SAFE_URL.match(value):
        return None
    if element == "iframe" and attribute == "src":
        return embed_src(value)  # rebuilt from the video id: the player's own embed page or nothing
    if attribute == "srcset":
        entries = [entry.strip() for entry in value.split(",") if entry.strip()]
        return value if entries and all(_SAFE_URL.match(entry) for entry in entries) else None
    if element == "oembed" and attribute == "url":
        return value if embed_src(value) else None  # the editor's media embed: a page of an allowed player
    if attribute == "style" and _BAD_STYLE_VALUE.search(value):
        return None
    return value


# A frame or media embed whose address was refused keeps no address: drop the empty element itself.
_EMPTY_EMBED = re.compile(r"<(iframe|oembed)\b(?![^>]*\s(?:src|url)=)[^>]*>.*?</\1>", re.IGNORECASE | re.DOTALL)

_cleaner = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    allowed_classes=_CLASSES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel="noopener noreferrer",
    clean_content_tags={"script", "style"},
    strip_comments=True,
    filter_style_properties={"text-align", "aspect-ratio", "width", "height", "float", "margin-left"},
    attribute_filter=_filter_attribute,
)


def clean_html(html: str) -> str:
    """Keep headings, paragraphs, lists, links, figures, tables and quotes; drop everything else."""
    return _EMPTY_EMBED.sub("", _cleaner.clean(html or ""))
