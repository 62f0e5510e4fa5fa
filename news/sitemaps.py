from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import TruncMonth
from django.urls import reverse

from .models import Article, Category, Tag
from .models.articles import published_q


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-id")

    def lastmod(self, article):
        return article.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.annotate(
            last_article=Max("articles__updated_at", filter=published_q("articles"))
        ).order_by("position", "pk")

    def lastmod(self, category):
        return category.last_article


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Tag.objects.filter(published_q("tagged_articles__content_object"))
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
