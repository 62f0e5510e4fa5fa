"""The figures of the admin's statistics page: views per day for the whole site, one article or one campaign, and
the most viewed articles of a period, drawn as SVG charts (``charts``). A fixed number of queries."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from news.models import Article
from news.viewcounts.models import ArticleDailyViews, with_period_views
from portal.ratings.models import SCORES, Rating
from portal.visitors.models import SiteVisitDay

from .charts import bar_chart, line_chart

TOP_COUNT = 10


def articles_for(user):
    """What a person's statistics may name: the articles they see in the admin (a writer: their own) and those
    readers see. Another writer's draft, returned or withdrawn article stays unnamed."""
    return Article.objects.visible_to(user) | Article.objects.published()


def _label(title: str) -> str:
    """Titles cut to what fits left of a bar at the chart's size (the full title is in the table below)."""
    return title if len(title) <= 38 else title[:37] + "…"


def _series(per_day: dict, days: list[datetime.date]) -> list[tuple[str, int]]:
    return [(f"{day:%d/%m}", per_day.get(day, 0)) for day in days]


def _top(articles, first, last) -> list:
    return list(
        with_period_views(articles, first, last)
        .only("id", "title", "slug", "view_count", "published_at")
        .order_by("-period_views", "-id")[:TOP_COUNT]
    )


def _top_chart(top: list, title: str):
    return bar_chart([(_label(a.title), a.period_views) for a in top], title=title) if top else None


def _article_figures(daily, days, article) -> dict:
    series = _series(daily.filter(article=article).per_day(), days)
    return {
        "article": article,
        "article_total": sum(v for _, v in series),
        "article_chart": line_chart(series, title=_("Lượt xem mỗi ngày: %(title)s") % {"title": article.title}),
    }


def _campaign_figures(daily, days, campaign, first, last, articles) -> dict:
    series = _series(daily.filter(article__campaigns=campaign).per_day(), days)
    top = _top(articles.filter(campaigns=campaign), first, last)
    return {
        "campaign": campaign,
        "campaign_total": sum(v for _, v in series),
        "campaign_chart": line_chart(series, title=_("Lượt xem mỗi ngày: %(name)s") % {"name": campaign.name}),
        "campaign_articles_chart": _top_chart(top, _("Các bài viết của chương trình")),
        "campaign_articles": top,
    }


def _rating_figures(first, last, articles) -> dict:
    """Readers' satisfaction in the period ("Thông tin này có hữu ích không?"): the whole site's count and average,
    and per page its count, average and how many gave each score, naming only pages the person may see. Two
    queries."""
    ratings = Rating.objects.filter(created_at__date__gte=first, created_at__date__lte=last)
    pages = list(ratings.filter(Q(article__isnull=True) | Q(article__in=articles)).per_page()[: TOP_COUNT * 2])
    for page in pages:
        page["distribution"] = [(n, page[f"score_{n}"]) for n in SCORES]
    return {"rating_summary": ratings.summary(), "rating_pages": pages, "rating_scores": list(SCORES)}


def build_statistics(*, days: int, articles, article=None, campaign=None) -> dict:
    """The figures of the last ``days`` days (today included), for the site and the chosen article or campaign.

    Totals count every view; the lists name only ``articles`` (``articles_for`` the person asking)."""
    last = timezone.localdate()
    first = last - datetime.timedelta(days=days - 1)
    day_list = [first + datetime.timedelta(days=n) for n in range(days)]
    daily = ArticleDailyViews.objects.between(first, last)
    site_views = _series(daily.per_day(), day_list)
    visits = dict(SiteVisitDay.objects.filter(day__gte=first, day__lte=last).values_list("day", "visits"))
    top = _top(articles, first, last)  # views a withdrawn article had in the period still happened
    figures = {
        "period": days,
        "first": first,
        "last": last,
        "site_views_total": sum(v for _, v in site_views),
        "site_chart": line_chart(site_views, title=_("Lượt xem bài viết mỗi ngày, toàn trang")),
        "visits_chart": line_chart(_series(visits, day_list), title=_("Lượt truy cập mỗi ngày")),
        "top_articles": top,
        "top_chart": _top_chart(top, _("Bài xem nhiều nhất")),
        **_rating_figures(first, last, articles),
    }
    if article is not None:
        figures |= _article_figures(daily, day_list, article)
    if campaign is not None:
        figures |= _campaign_figures(daily, day_list, campaign, first, last, articles)
    return figures
