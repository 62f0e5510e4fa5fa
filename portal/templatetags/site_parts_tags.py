"""Site-wide blocks read from the cache: the current poll, banners, web links and videos."""

from django import template

from ..polls import Poll
from ..site_parts import cached_site_parts

register = template.Library()


@register.inclusion_tag("portal/includes/poll_box.html", takes_context=True)
def current_poll(context):
    return {"poll": Poll.cached_current(), "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("portal/includes/site_parts.html")
def site_parts():
    return {"parts": cached_site_parts()}
