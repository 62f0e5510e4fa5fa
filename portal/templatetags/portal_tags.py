"""Times and numbers written the way Vietnamese portals write them (``portal.formats``), and page links."""

from django import template

from portal import formats

register = template.Library()

register.filter("vn_datetime", formats.vn_datetime)
register.filter("vn_list_time", formats.vn_list_time)
register.filter("vn_date", formats.vn_date)
register.filter("vn_short_datetime", formats.vn_short_datetime)
register.filter("vn_number", formats.vn_number)
register.simple_tag(formats.vn_now, name="vn_now")


@register.simple_tag(takes_context=True)
def page_url(context, page_number):
    """The current URL with ?page= replaced, keeping any other query parameters."""
    query = context["request"].GET.copy()
    query["page"] = page_number
    return f"?{query.urlencode()}"
