from django.contrib.sitemaps import Sitemap

from .models import Campaign, Theme


class CampaignSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Campaign.objects.order_by("pk")

    def lastmod(self, campaign):
        return campaign.updated_at


class ThemeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Theme.objects.select_related("campaign").order_by("pk")

    def lastmod(self, theme):
        return theme.updated_at
