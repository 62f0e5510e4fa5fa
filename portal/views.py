from pathlib import Path

from django.contrib.staticfiles import finders
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

from campaigns.models import Campaign, Theme
from news.models import Article, Category

from .site_map import site_map

LATEST_COUNT = 8
FEATURED_COUNT = 4  # one lead story and three beside it
PER_BLOCK = 4


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        # The editors' featured stories in their order; with none chosen, the newest article leads.
        featured = list(Article.objects.featured()[:FEATURED_COUNT]) or list(Article.objects.latest()[:1])
        latest = Article.objects.latest().exclude(pk__in=[article.pk for article in featured])

        year = timezone.localdate().year
        campaigns = list(
            Campaign.objects.current().prefetch_related(
                Prefetch(
                    "themes",
                    queryset=Theme.objects.covering(year).select_related("campaign").order_by("scope"),
                    to_attr="current_themes",
                )
            )
        )
        campaign_articles = Article.objects.latest().newest_per_group(
            F("campaigns"), [c.pk for c in campaigns], PER_BLOCK
        )
        for campaign in campaigns:
            campaign.latest_articles = campaign_articles.get(campaign.pk, [])

        sections = list(Category.objects.in_menu().top_level())
        section_articles = Article.objects.latest().newest_per_group(
            Coalesce(F("category__parent_id"), F("category_id")), [s.pk for s in sections], PER_BLOCK
        )
        for section in sections:
            section.latest_articles = section_articles.get(section.pk, [])

        latest_articles = list(latest[:LATEST_COUNT])
        # The home page's Dublin Core date: its newest story, featured or not.
        dates = [a.published_at for a in [*featured, *latest_articles[:1]]]
        return super().get_context_data(
            featured=featured[0] if featured else None,
            more_featured=featured[1:],
            latest_articles=latest_articles,
            last_published=max(dates, default=None),
            current_campaigns=campaigns,
            sections=[s for s in sections if s.latest_articles],
            **kwargs,
        )


class SiteMapView(TemplateView):
    """Sơ đồ cổng: the site map for people, beside sitemap.xml for search engines."""

    template_name = "portal/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(nodes=site_map(), **kwargs)


@cache_control(public=True, max_age=86400)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page says: the portal's emblem (SVG)."""
    return HttpResponse(Path(finders.find("img/favicon.svg")).read_bytes(), content_type="image/svg+xml")
