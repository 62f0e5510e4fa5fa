"""The site-wide counters, read through the cache (portal/visits.py)."""

from django import template

from ..visits import site_counters as cached_site_counters

register = template.Library()


@register.inclusion_tag("portal/includes/site_counters.html")
def site_counters():
    return cached_site_counters()
