from django import template
from django.utils import timezone
from django.utils.timesince import timesince

from ..panels import build_dashboard

register = template.Library()


@register.inclusion_tag("dashboard/dashboard.html", takes_context=True)
def newsroom_dashboard(context):
    """The admin home's panels for the person looking (news.dashboard.panels)."""
    return {**build_dashboard(context["request"].user), "request": context["request"]}


@register.filter
def waiting_for(moment) -> str:
    """ "2 ngày, 3 giờ": how long something has waited, in Vietnamese (the admin's language)."""
    return timesince(moment, timezone.now()) if moment else ""
