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

LATEST_COUNT = 8
FEATURED_COUNT = 4  # one lead story and three beside it
PER_BLOCK = 4


def _grouped(articles) -> dict[int, list]:
    groups: dict[int, list] = {}
    for article in articles:
        groups.setdefault(article.group_id, []).append(article)
    return groups


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
        campaign_articles = _grouped(
            Article.objects.published()
            .for_listing()
            .filter(campaigns__in=[c.pk for c in campaigns])
            .newest_per_group(F("campaigns"), PER_BLOCK)
        )
        for campaign in campaigns:
            campaign.latest_articles = campaign_articles.get(campaign.pk, [])

        sections = list(Category.objects.in_menu().top_level())
        section_articles = _grouped(
            Article.objects.published()
            .for_listing()
            .newest_per_group(Coalesce(F("category__parent_id"), F("category_id")), PER_BLOCK)
        )
        for section in sections:
            section.latest_articles = section_articles.get(section.pk, [])

        return super().get_context_data(
            featured=featured[0] if featured else None,
            more_featured=featured[1:],
            latest_articles=latest[:LATEST_COUNT],
            current_campaigns=campaigns,
            sections=[s for s in sections if s.latest_articles],
            **kwargs,
        )


@cache_control(public=True, max_age=86400)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page says: the portal's emblem (SVG)."""
    return HttpResponse(Path(finders.find("img/favicon.svg")).read_bytes(), content_type="image/svg+xml")
