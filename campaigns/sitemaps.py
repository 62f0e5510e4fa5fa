"""The movement's sections of the sitemap index: campaigns, themes, good models, exemplars, awards, contests and
documents. The sections that grow with the archive (one record per few hundred articles) write their addresses
from ``rows(page)``, reversing the address once: reverse() costs 35 µs a record."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import TruncDate
from django.urls import reverse

from portal.pagination import SitemapPaging

from .models import Award, Campaign, Contest, Document, Exemplar, GoodModel, Theme


class UpdatedAtSitemap(SitemapPaging, Sitemap):
    """Records with ``updated_at``: the section's last change is one MAX(), not Django's loop over every record."""

    def lastmod(self, record):
        return record.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(last=Max("updated_at"))["last"]


class AddressRows:
    """``rows(page)``: (path, last change) of the page's records, from ``url_name`` reversed once with a
    placeholder for the record's ``url_field`` (a slug, or the pk)."""

    url_name = ""
    url_field = "slug"
    PLACEHOLDERS = {"slug": "record-placeholder", "pk": 987654321}

    lastmod_field = None  # a date column, read as the address's last change

    def rows(self, page):
        placeholder = str(self.PLACEHOLDERS[self.url_field])
        pattern = reverse(self.url_name, kwargs={self.url_field: placeholder})
        head, tail = pattern.split(placeholder)
        records = self.paginator.page(page).object_list  # the page's slice: read as plain values, no models
        if self.lastmod_field:  # the day, as the sitemap writes it: a date parses in a third of a datetime's time
            dated = records.values_list(self.url_field, TruncDate(self.lastmod_field))
            return [(f"{head}{key}{tail}", day) for key, day in dated]
        return [(f"{head}{key}{tail}", None) for key in records.values_list(self.url_field, flat=True)]


class CampaignSitemap(UpdatedAtSitemap):
    changefreq = "weekly"

    def items(self):
        return Campaign.objects.order_by("pk")


class ThemeSitemap(UpdatedAtSitemap):
    changefreq = "weekly"

    def items(self):
        return Theme.objects.select_related("campaign").order_by("pk")


class GoodModelSitemap(AddressRows, UpdatedAtSitemap):
    changefreq = "monthly"
    url_name = "campaigns:goodmodel-detail"
    lastmod_field = "updated_at"

    def items(self):
        return GoodModel.objects.order_by("pk")


class ExemplarSitemap(AddressRows, UpdatedAtSitemap):
    changefreq = "monthly"
    url_name = "campaigns:exemplar-detail"
    lastmod_field = "updated_at"

    def items(self):
        return Exemplar.objects.order_by("pk")


class AwardSitemap(AddressRows, SitemapPaging, Sitemap):
    """Awards readers may see (``Award.public()``: not the revoked ones)."""

    changefreq = "yearly"
    url_name = "campaigns:award-detail"
    url_field = "pk"

    def items(self):
        return Award.objects.public().order_by("pk")


class ContestSitemap(AddressRows, SitemapPaging, Sitemap):
    changefreq = "yearly"
    url_name = "campaigns:contest-detail"

    def items(self):
        return Contest.objects.order_by("pk")


class DocumentSitemap(AddressRows, SitemapPaging, Sitemap):
    changefreq = "yearly"
    url_name = "campaigns:document-detail"

    def items(self):
        return Document.objects.order_by("pk")
