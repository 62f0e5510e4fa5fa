"""The award proposals open for comment, as a short block on the campaign hub and the awards list (cached: no query)."""

from django import template

from ..models.proposals import cached_open_proposals

register = template.Library()


@register.inclusion_tag("campaigns/includes/open_proposals.html")
def open_proposals(campaign=None):
    proposals = cached_open_proposals()
    if campaign is not None:
        proposals = [p for p in proposals if p["campaign_id"] == campaign.pk]
    return {"proposals": proposals[:5]}
