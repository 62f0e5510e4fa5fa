"""Server-side cleaning of rich-text HTML with an allow-list (nh3). No editor cleans HTML on the server."""

import nh3

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

_cleaner = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    allowed_classes=_CLASSES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel="noopener noreferrer",
    clean_content_tags={"script", "style"},
    strip_comments=True,
    filter_style_properties={"text-align", "aspect-ratio", "width", "height", "float", "margin-left"},
)


def clean_html(html: str) -> str:
    """Keep headings, paragraphs, lists, links, figures, tables and quotes; drop everything else."""
    return _cleaner.clean(html or "")
