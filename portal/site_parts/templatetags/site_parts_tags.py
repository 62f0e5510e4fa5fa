"""The block of videos, banners and web links under every page, read from the cache."""

from django import template
from django.utils.timezone import now

from ..models import SiteProfile, cached_site_parts

register = template.Library()


@register.inclusion_tag("site_parts/includes/site_parts.html")
def site_parts():
    return {"parts": cached_site_parts()}


@register.inclusion_tag("site_parts/includes/footer_profile.html", takes_context=True)
def site_footer_profile(context):
    """The owning body and who answers for the content, from the cached site profile (no query once cached)."""
    return {"profile": SiteProfile.current(), "SITE_NAME": context.get("SITE_NAME", ""), "year": now().year}
