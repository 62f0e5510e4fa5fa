"""The news sections of the sitemap index (``/sitemap.xml``): every published article, paged by
``SITEMAP_PAGE_SIZE``, categories, tags and archive months. Counts and dates come from the stored monthly figures
(``news.counts``), so the index and each page cost no scan of the articles beyond the page's own rows."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Subquery
from django.urls import reverse

from portal.pagination import CountedPaginator, SitemapPaging

from . import counts
from .models import Article, Category, MonthlyCount, Tag, TaggedArticle
from .models.articles import published_q


def _latest_change():
    return MonthlyCount.objects.aggregate(last=Max("last_change"))["last"]


class ArticleSitemap(SitemapPaging, Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-id")

    @property
    def paginator(self):
        return CountedPaginator(self._items(), self.limit, count=counts.published_count())

    def lastmod(self, article):
        return article.updated_at

    def rows(self, page):
        """(path, last change) of the page's articles: 10,000 addresses in tens of ms of Python. The path is
        ``Article.get_absolute_url``'s, reversed once with a placeholder slug."""
        pattern = reverse("news:article-detail", kwargs={"slug": "slug-placeholder"})
        articles = self.paginator.page(page).object_list  # a list past the first pages (ids read first)
        return [(pattern.replace("slug-placeholder", a.slug), a.updated_at) for a in articles]

    def get_latest_lastmod(self):
        return _latest_change()


class CategorySitemap(SitemapPaging, Sitemap):
    changefreq = "daily"

    def items(self):
        last = MonthlyCount.objects.filter(category_id=OuterRef("pk")).order_by("-last_change").values("last_change")
        return Category.objects.annotate(last_article=Subquery(last[:1])).order_by("position", "pk")

    def lastmod(self, category):
        return category.last_article

    def get_latest_lastmod(self):
        return _latest_change()


class TagSitemap(SitemapPaging, Sitemap):
    """Tags with a published article (found by EXISTS, one short probe per tag); no date of their own."""

    changefreq = "weekly"

    def items(self):
        tagged = TaggedArticle.objects.filter(tag_id=OuterRef("pk")).filter(published_q("content_object"))
        return Tag.objects.filter(Exists(tagged)).only("slug").order_by("name", "pk")

    def get_latest_lastmod(self):
        return _latest_change()


class ArchiveSitemap(SitemapPaging, Sitemap):
    """One entry per month of the archive, last modified when its newest change was made."""

    changefreq = "monthly"

    def items(self):
        return counts.archive_months()

    def location(self, item):
        return reverse("news:archive-month", kwargs={"year": item["month"].year, "month": item["month"].month})

    def lastmod(self, item):
        return item["last_change"]

    def get_latest_lastmod(self):
        return _latest_change()
