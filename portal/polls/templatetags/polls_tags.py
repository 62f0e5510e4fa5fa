"""The sidebar's current poll, read from the cache."""

from django import template

from ..models import Poll

register = template.Library()


@register.inclusion_tag("polls/includes/poll_box.html", takes_context=True)
def current_poll(context):
    return {"poll": Poll.cached_current(), "csrf_token": context.get("csrf_token")}
