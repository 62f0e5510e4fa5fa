"""RSS 2.0 and Atom feeds: the latest news, each category's and each campaign's, twenty items each.

Links are absolute with ``SITE_URL`` (the public address), whatever host the request came through.
"""

import re

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from portal.site import absolute_url as absolute
from portal.site import current_site

from .models import Article, Category

FEED_SIZE = 20

# Characters XML 1.0 forbids; a vertical tab pasted from Word into a title would otherwise make the feed a 500.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value):
    if isinstance(value, str):
        return _NOT_XML.sub(" ", value)
    if isinstance(value, list | tuple):
        return [_xml_safe(v) for v in value]
    return value


class _XmlSafeFeed:
    """A feed generator that drops the characters XML cannot carry from every text it is given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*[_xml_safe(a) for a in args], **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*[_xml_safe(a) for a in args], **{k: _xml_safe(v) for k, v in kwargs.items()})


class SafeRssFeed(_XmlSafeFeed, Rss201rev2Feed):
    pass


class SafeAtomFeed(_XmlSafeFeed, Atom1Feed):
    pass


class LatestArticlesFeed(Feed):
    """The latest published articles (RSS 2.0); subclasses narrow the list and name it."""

    description = _("Tin mới nhất về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
    language = "vi"
    feed_type = SafeRssFeed

    def title(self, obj=None):
        return _("Tin mới – %(site)s") % {"site": current_site().name}

    def link(self, obj=None):
        return absolute("/")

    def articles(self, obj):
        return Article.objects.latest()

    def items(self, obj=None):
        fields = ["id", "title", "slug", "lead", "published_at", "updated_at", "author_name", "category__name"]
        return self.articles(obj).only(*fields)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        return absolute(item.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author_name or None

    def item_categories(self, item):
        return [item.category.name]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = SafeAtomFeed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {current_site().name}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def description(self, obj=None):
        return obj.description or _("Tin mới của chuyên mục %(name)s") % {"name": obj.name}

    def articles(self, obj):
        return Article.objects.latest().in_category(obj)


class CategoryAtomFeed(CategoryFeed):
    feed_type = SafeAtomFeed

    def subtitle(self, obj):
        return self.description(obj)


class CampaignFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Campaign, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {current_site().name}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def description(self, obj=None):
        return obj.title

    def articles(self, obj):
        return Article.objects.latest().filter(campaigns=obj)


class CampaignAtomFeed(CampaignFeed):
    feed_type = SafeAtomFeed

    def subtitle(self, obj):
        return self.description(obj)
