"""The site-wide counters in the footer, read through the cache (visitors/visits.py)."""

from django import template

from ..visits import site_counters as cached_site_counters

register = template.Library()


@register.inclusion_tag("visitors/site_counters.html")
def site_counters():
    return cached_site_counters()
