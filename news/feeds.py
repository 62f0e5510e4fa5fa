"""RSS 2.0 and Atom feeds: the latest news, each category's and each campaign's, twenty items each.

Links are absolute with ``SITE_URL`` (the public address), whatever host the request came through.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign

from .models import Article, Category

FEED_SIZE = 20


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


class LatestArticlesFeed(Feed):
    """The latest published articles (RSS 2.0); subclasses narrow the list and name it."""

    description = _("Tin mới nhất về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
    language = "vi"

    def title(self, obj=None):
        return _("Tin mới – %(site)s") % {"site": settings.SITE_NAME}

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
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {settings.SITE_NAME}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def description(self, obj=None):
        return obj.description or _("Tin mới của chuyên mục %(name)s") % {"name": obj.name}

    def articles(self, obj):
        return Article.objects.latest().in_category(obj)


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class CampaignFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Campaign, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {settings.SITE_NAME}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def description(self, obj=None):
        return obj.title

    def articles(self, obj):
        return Article.objects.latest().filter(campaigns=obj)


class CampaignAtomFeed(CampaignFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
