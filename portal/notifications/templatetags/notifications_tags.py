from django import template

from ..models import Notification

register = template.Library()


@register.inclusion_tag("notifications/bell.html", takes_context=True)
def notification_bell(context):
    """The bell in the admin's header with the unread count: one COUNT on an index per page."""
    user = context["request"].user
    unread = Notification.objects.for_user(user).unread().count() if user.is_authenticated else 0
    return {"unread": unread}
