"""News fills the movement's pages (``campaigns.linked``) with the articles linked to a campaign, a theme, a record
or a document: the hub and theme pages list them page by page, the record pages show the newest few."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.linked import LinkedContent
from campaigns.models import Campaign

from .models import Article


def articles_linked_to(obj):
    """Published articles linked to ``obj`` through the article's own many-to-many field to its model."""
    for field in Article._meta.many_to_many:
        if field.related_model is type(obj):
            return Article.objects.latest().filter(**{field.name: obj})
    return Article.objects.none()


def feeds_of(obj) -> list[dict]:
    if not isinstance(obj, Campaign):
        return []
    return [
        {"type": kind, "title": f"{obj.name} ({label})", "href": reverse(name, kwargs={"slug": obj.slug})}
        for kind, label, name in (
            ("application/rss+xml", "RSS", "news:campaign-feed-rss"),
            ("application/atom+xml", "Atom", "news:campaign-feed-atom"),
        )
    ]


ARTICLES = LinkedContent(
    heading=_("Bài viết mới"),
    related_heading=_("Bài viết liên quan"),
    empty=_("Chưa có bài viết nào."),
    list_template="news/includes/article_cards.html",
    compact_template="news/includes/linked_articles.html",
    items=articles_linked_to,
    feeds=feeds_of,
)
