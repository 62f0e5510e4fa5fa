from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from portal.pagination import CappedPaginator

from . import linked
from .models import Award, Campaign, Theme

PAGE_SIZE = 12


class CampaignListView(ListView):
    context_object_name = "campaigns"

    def get_queryset(self):
        return Campaign.objects.select_related("issuer", "continues").prefetch_related(
            Prefetch("themes", queryset=Theme.objects.select_related("issuer"))
        )


HUB_BLOCK_SIZE = 4


class LinkedPageMixin:
    """Lists, page by page, what other apps link to the page's campaign or theme (``campaigns.linked``)."""

    context_object_name = "linked_items"
    paginate_by = PAGE_SIZE

    def linked_items(self, obj):
        self.linked = linked.main_content()
        return self.linked.items(obj) if self.linked else []

    def get_paginator(self, queryset, per_page, **kwargs):
        # A campaign links tens of thousands of articles: count only as far as a reader can page from here.
        return CappedPaginator(queryset, per_page, number=self.request.GET.get(self.page_kwarg), **kwargs)

    def get_context_data(self, **kwargs):
        feeds = self.linked.feeds(self.linked_object) if self.linked else []
        return super().get_context_data(linked=self.linked, feeds=feeds, **kwargs)


class CampaignDetailView(LinkedPageMixin, ListView):
    """The campaign hub: its document, its themes year by year, its documents, good models, exemplary people,
    awards and contests (each a short block linking to the full, filtered list) and its articles (paginated).
    """

    template_name = "campaigns/campaign_detail.html"

    def get_queryset(self):
        self.campaign = self.linked_object = get_object_or_404(
            Campaign.objects.select_related("issuer", "continues"), slug=self.kwargs["slug"]
        )
        return self.linked_items(self.campaign)

    def get_context_data(self, **kwargs):
        campaign = self.campaign
        return super().get_context_data(
            campaign=campaign,
            themes=campaign.themes.select_related("issuer").order_by("-year_start", "scope"),
            documents=campaign.documents.select_related("issuer")[:6],
            continuations=campaign.continuations.all(),
            good_models=campaign.good_models.for_listing()[:HUB_BLOCK_SIZE],
            exemplars=campaign.exemplars.for_listing()[:HUB_BLOCK_SIZE],
            awards=Award.objects.public().for_listing().filter(campaign=campaign).order_by("-decided_on", "id")[:5],
            contests=campaign.contests.all()[:3],
            **kwargs,
        )


class ThemeDetailView(LinkedPageMixin, ListView):
    template_name = "campaigns/theme_detail.html"

    def get_queryset(self):
        self.theme = self.linked_object = get_object_or_404(
            Theme.objects.select_related("campaign", "issuer"),
            campaign__slug=self.kwargs["campaign_slug"],
            slug=self.kwargs["slug"],
        )
        return self.linked_items(self.theme)

    def get_context_data(self, **kwargs):
        theme = self.theme
        siblings = (
            Theme.objects.filter(campaign_id=theme.campaign_id)
            .exclude(pk=theme.pk)
            .select_related("campaign")
            .order_by("-year_start", "scope")
        )
        return super().get_context_data(
            theme=theme, campaign=theme.campaign, other_themes=siblings, documents=theme.documents.all(), **kwargs
        )
