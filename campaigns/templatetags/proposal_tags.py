"""The award proposals open for comment, as a short block on the campaign hub and the awards list (one query)."""

from django import template

from ..models import AwardProposal

register = template.Library()


@register.inclusion_tag("campaigns/includes/open_proposals.html")
def open_proposals(campaign=None):
    proposals = AwardProposal.objects.open()
    if campaign is not None:
        proposals = proposals.filter(campaign=campaign)
    return {"proposals": list(proposals.order_by("closes_on", "id")[:5])}
