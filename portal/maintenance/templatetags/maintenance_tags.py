from django import template
from django.utils import timezone

from ..models import showing

register = template.Library()


@register.inclusion_tag("maintenance/banner.html")
def maintenance_banner():
    """The planned-downtime banner of every public page (nothing when none is announced)."""
    now = timezone.now()
    return {"notices": [(notice, notice.is_under_way(now)) for notice in showing(now)]}
