"""The news sections of the sitemap index (``/sitemap.xml``): every published article (stored pages,
``news.sitemap_pages``), categories, tags and archive months. Dates come from the stored monthly figures
(``news.counts``), so neither the index nor a page scans the articles."""

from functools import lru_cache

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Subquery
from django.urls import reverse

from portal.pagination import SitemapPaging

from . import counts, sitemap_pages
from .models import Category, MonthlyCount, Tag, TaggedArticle
from .models.articles import published_q


@lru_cache(maxsize=2048)
def _month_path(year: int, month: int) -> str:
    """A month's archive address: the same for the life of the process (reverse() costs 35 µs a call)."""
    return reverse("news:archive-month", kwargs={"year": year, "month": month})


def _latest_change():
    return MonthlyCount.objects.aggregate(last=Max("last_change"))["last"]


class ArticleSitemap(Sitemap):
    """Every published article, in pages of ``SITEMAP_PAGE_SIZE`` ids written once and kept
    (``news.sitemap_pages``): the index lists the stored pages, and a page costs one row's read."""

    changefreq = sitemap_pages.CHANGEFREQ

    def index_pages(self, *, base: str):
        return sitemap_pages.index_pages(base=base)

    def stored_page(self, number: int, *, base: str):
        return sitemap_pages.stored_page(number, base=base)

    def page_response(self, request, row):
        return sitemap_pages.page_response(request, row)

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
        return _month_path(item["month"].year, item["month"].month)

    def rows(self, page):
        """(path, last change) of the page's months, without ``Sitemap.get_urls``' work per item: a 12-year
        archive has 150 months, and the page's cost must not follow them."""
        return [(self.location(item), item["last_change"]) for item in self.paginator.page(page).object_list]

    def lastmod(self, item):
        return item["last_change"]

    def get_latest_lastmod(self):
        return _latest_change()
