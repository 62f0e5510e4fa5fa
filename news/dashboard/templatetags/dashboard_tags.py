from django import template
from django.utils import timezone

from ..panels import build_dashboard

register = template.Library()


@register.inclusion_tag("dashboard/dashboard.html", takes_context=True)
def newsroom_dashboard(context):
    """The admin home's panels for the person looking (news.dashboard.panels)."""
    return {**build_dashboard(context["request"].user), "request": context["request"]}


@register.filter
def waiting_for(moment) -> str:
    """ "2 ngày 3 giờ", "5 giờ", "12 phút": how long something has waited (Django's timesince is English here)."""
    if not moment:
        return ""
    minutes = max(0, int((timezone.now() - moment).total_seconds() // 60))
    days, hours = minutes // 1440, minutes % 1440 // 60
    if days:
        return f"{days} ngày {hours} giờ" if hours else f"{days} ngày"
    return f"{hours} giờ" if hours else f"{minutes} phút"
