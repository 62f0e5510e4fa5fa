from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from .models import Article, Category, Tag


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-id")

    def lastmod(self, article):
        return article.updated_at


def _published_filter(prefix: str) -> Q:
    return Q(**{f"{prefix}__status": Article.Status.PUBLISHED, f"{prefix}__published_at__lte": timezone.now()})


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.annotate(
            last_article=Max("articles__updated_at", filter=_published_filter("articles"))
        ).order_by("position", "pk")

    def lastmod(self, category):
        return category.last_article


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Tag.objects.filter(_published_filter("tagged_articles__content_object"))
            .annotate(last_article=Max("tagged_articles__content_object__updated_at"))
            .order_by("name")
        )

    def lastmod(self, tag):
        return tag.last_article


class ArchiveSitemap(Sitemap):
    """One entry per month of the archive, last modified when its newest change was made."""

    changefreq = "monthly"

    def items(self):
        return (
            Article.objects.published()
            .annotate(month=TruncMonth("published_at"))
            .values("month")
            .annotate(last_change=Max("updated_at"))
            .order_by("-month")
        )

    def location(self, item):
        return reverse("news:archive-month", kwargs={"year": item["month"].year, "month": item["month"].month})

    def lastmod(self, item):
        return item["last_change"]
