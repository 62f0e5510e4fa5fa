from django.contrib.sitemaps import Sitemap

from portal.pagination import SitemapPaging

from .models import Campaign, Document, Exemplar, GoodModel, Theme


class CampaignSitemap(SitemapPaging, Sitemap):
    changefreq = "weekly"

    def items(self):
        return Campaign.objects.order_by("pk")

    def lastmod(self, campaign):
        return campaign.updated_at


class ThemeSitemap(SitemapPaging, Sitemap):
    changefreq = "weekly"

    def items(self):
        return Theme.objects.select_related("campaign").order_by("pk")

    def lastmod(self, theme):
        return theme.updated_at


class GoodModelSitemap(SitemapPaging, Sitemap):
    changefreq = "monthly"

    def items(self):
        return GoodModel.objects.order_by("pk")

    def lastmod(self, good_model):
        return good_model.updated_at


class ExemplarSitemap(SitemapPaging, Sitemap):
    changefreq = "monthly"

    def items(self):
        return Exemplar.objects.order_by("pk")

    def lastmod(self, exemplar):
        return exemplar.updated_at


class DocumentSitemap(SitemapPaging, Sitemap):
    changefreq = "yearly"

    def items(self):
        return Document.objects.order_by("pk")
