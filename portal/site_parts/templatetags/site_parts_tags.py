"""The block of videos, banners and web links under every page, read from the cache."""

from django import template

from ..models import cached_site_parts

register = template.Library()


@register.inclusion_tag("site_parts/includes/site_parts.html")
def site_parts():
    return {"parts": cached_site_parts()}
