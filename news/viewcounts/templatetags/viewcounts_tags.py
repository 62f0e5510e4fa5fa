"""The "Xem nhiều nhất" box of the sidebar, ranked by the daily figures."""

from django import template
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from news.models import Article, Category
from news.related import generation

from ..models import most_viewed_in

MOST_VIEWED_CACHE_SECONDS = 300

register = template.Library()


@register.inclusion_tag("viewcounts/most_viewed.html")
def most_viewed_box(limit=6, category=None):
    """ "Xem nhiều nhất" over 7 days, 30 days and all time, site-wide or in a category and its children.

    Cached for five minutes (the daily figures move with every view; nobody needs them to the second), so the
    block costs three queries every five minutes and none in between.
    """
    if not isinstance(category, Category):  # pages that have no category, or call something else "category"
        category = None
    # The articles' generation (news.related) in the key: a withdrawal or publication shows at once.
    key = f"news:most-viewed:{generation()}:{limit}:{getattr(category, 'pk', '')}"
    periods = cache.get(key)
    if periods is None:
        articles = Article.objects.all() if category is None else Article.objects.in_category(category)
        periods = [
            ("7", _("7 ngày"), [(a, a.period_views) for a in most_viewed_in(articles, 7)[:limit]]),
            ("30", _("30 ngày"), [(a, a.period_views) for a in most_viewed_in(articles, 30)[:limit]]),
            ("all", _("Tất cả"), [(a, a.view_count) for a in articles.most_viewed()[:limit]]),
        ]
        cache.set(key, periods, MOST_VIEWED_CACHE_SECONDS)
    return {"periods": periods, "box_id": f"xem-nhieu-{getattr(category, 'pk', 'all')}"}
