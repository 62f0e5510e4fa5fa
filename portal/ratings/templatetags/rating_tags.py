"""``{% rating_form title %}``: the "Thông tin này có hữu ích không?" form, the same for every reader of a page."""

from django import template

from ..forms import RatingForm
from ..targets import Target, sign_target

register = template.Library()


@register.inclusion_tag("ratings/includes/rating_form.html", takes_context=True)
def rating_form(context, title: str, article=None):
    """The form for the current page (its path, ``title`` and ``article`` signed into the form): no query."""
    request = context["request"]
    target = Target(page=request.path, title=str(title), article_id=article.pk if article is not None else None)
    form = RatingForm(initial={"target": sign_target(target)}, auto_id="danh-gia-%s")
    return {"form": form, "request": request, "csrf_token": context.get("csrf_token")}
