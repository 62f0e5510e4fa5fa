"""What a page tells search engines and social networks: canonical address, OpenGraph, JSON-LD.

Addresses are absolute with ``SITE_URL``, the public address, not the host a request came through.
"""

import datetime
import json
import re

from django import template
from django.core.paginator import InvalidPage
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.site import absolute_url as absolute
from portal.site import current_site

register = template.Library()

# The characters that could end a <script> element or start markup inside it, as JSON escapes.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_SPACES = re.compile(r"\s+")


@register.filter
def absolute_url(value) -> str:
    return absolute(str(value or ""))


@register.simple_tag
def default_share_image() -> str:
    return absolute(static("img/og-default.png"))


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's public address: the path, plus ``?page=N`` beyond the first page; other parameters dropped."""
    request = context.get("request")
    if request is None:
        return current_site().url + "/"
    url = absolute(request.path)
    page_obj = context.get("page_obj")
    if page_obj is not None:
        try:
            number = page_obj.number
        except InvalidPage:  # pragma: no cover (the view has already raised 404)
            number = 1
        if number > 1:
            url += f"?page={number}"
    return url


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # so {% block %} tags inside stay overridable

    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # The blocks inside were rendered with autoescaping: what is captured is already safe HTML.
        context[self.name] = mark_safe(_SPACES.sub(" ", self.nodelist.render(context)).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}...{% endcapture %}``: render once, use the result several times (title, og:title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def json_for_script(data) -> str:
    """JSON that cannot end its <script> element early, whatever the text holds ("</script>", "<!--")."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)


@register.simple_tag
def article_json_ld(article):
    """schema.org NewsArticle for an article page (its tags, category and cover already loaded)."""
    url = absolute(article.get_absolute_url())
    image = absolute(article.cover.url) if article.cover else absolute(static("img/og-default.png"))
    publisher = {
        "@type": "Organization",
        "name": current_site().name,
        "url": current_site().url + "/",
        "logo": {"@type": "ImageObject", "url": absolute(static("img/og-default.png"))},
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title[:110],
        "description": article.lead,
        "image": [image],
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "inLanguage": "vi",
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "author": (
            [{"@type": "Person", "name": article.author_name}]
            if article.author_name
            else [{"@type": "Organization", "name": current_site().name}]
        ),
        "publisher": publisher,
    }
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_for_script(data)))  # noqa: S308


DUBLIN_CORE_SCHEMA = "http://purl.org/dc/elements/1.1/"


@register.simple_tag(takes_context=True)
def dublin_core(context, *, title="", description="", creator="", date=None, subject="", source="", identifier=""):
    """Dublin Core elements (TT 24/2011/TT-BTTTT): a page's title, creator, date, description, publisher,
    identifier, language, and its subject and source where known.

    Left empty, title, description and identifier are the page's own (``page_title``, ``page_description``,
    ``page_url`` captured by base.html); the publisher is the portal, the creator too unless an author is named.
    """
    site_name = current_site().name
    elements = [
        ("DC.title", title or context.get("page_title", site_name)),
        ("DC.creator", creator or site_name),
        ("DC.subject", subject),
        ("DC.description", description or context.get("page_description", "")),
        ("DC.publisher", site_name),
        ("DC.date", _local_day(date)),
        ("DC.type", "Text"),
        ("DC.format", "text/html"),
        ("DC.identifier", identifier or context.get("page_url", "")),
        ("DC.source", source),
        ("DC.language", "vi"),
    ]
    tags = [format_html('<link rel="schema.DC" href="{}">', DUBLIN_CORE_SCHEMA)]
    tags += [format_html('<meta name="{}" content="{}">', name, value) for name, value in elements if value]
    return mark_safe("\n  ".join(tags))  # noqa: S308 (each piece went through format_html)


@register.simple_tag(takes_context=True)
def article_dublin_core(context, article):
    """Dublin Core of an article: its author, day, category and tags as subject, and source where given."""
    subject = "; ".join([article.category.name, *(tag.name for tag in article.tags.all())])
    return dublin_core(
        context,
        title=article.title,
        description=article.lead,
        creator=article.author_name,
        date=article.published_at,
        subject=subject,
        source=article.source,
        identifier=absolute(article.get_absolute_url()),
    )


def _local_day(value) -> str:
    """W3CDTF day of a date or of a time as read in Vietnam (an article of 00:30 on the 2nd is of the 2nd)."""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value.isoformat() if value else ""
