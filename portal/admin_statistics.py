"""The admin's statistics page: views per day for the whole site, one article or one campaign, and the top
articles of a period, drawn as SVG charts (portal/charts.py). Staff only; a fixed number of queries."""

import datetime

from django import forms
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from news.models import Article
from news.viewcounts.models import ArticleDailyViews

from .charts import bar_chart, line_chart
from .visitors.models import SiteVisitDay

PERIODS = [("7", _("7 ngày")), ("30", _("30 ngày")), ("90", _("90 ngày")), ("365", _("365 ngày"))]
TOP_COUNT = 10


class StatisticsForm(forms.Form):
    period = forms.TypedChoiceField(
        label=_("Khoảng thời gian"), choices=PERIODS, coerce=int, required=False, empty_value=30
    )
    campaign = forms.ModelChoiceField(
        label=_("Chương trình, phong trào"),
        queryset=Campaign.objects.all(),
        required=False,
        empty_label=_("(toàn trang)"),
    )
    article = forms.IntegerField(label=_("Mã bài viết"), required=False, min_value=1, widget=forms.HiddenInput)

    def clean_article(self):
        pk = self.cleaned_data.get("article")
        if pk is None:
            return None
        article = Article.objects.filter(pk=pk).only("id", "title", "slug", "view_count").first()
        if article is None:
            raise forms.ValidationError(_("Không có bài viết này."))
        return article


def _label(title: str) -> str:
    """Titles cut to what fits left of a bar at the chart's size (the full title is in the table below)."""
    return title if len(title) <= 38 else title[:37] + "…"


def _series(per_day: dict, days: list[datetime.date]) -> list[tuple[str, int]]:
    return [(f"{day:%d/%m}", per_day.get(day, 0)) for day in days]


def _top(articles, first, last):
    return list(
        articles.filter(daily_views__day__gte=first, daily_views__day__lte=last)
        .annotate(period_views=Sum("daily_views__views"))
        .only("id", "title", "slug", "view_count", "published_at")
        .order_by("-period_views", "-id")[:TOP_COUNT]
    )


def statistics_view(request):
    """ "Thống kê": charts of views per day and the most viewed articles of the chosen period."""
    form = StatisticsForm(request.GET or None, initial={"period": 30})  # the select shows what is drawn
    valid = form.is_valid() if form.is_bound else False
    data = form.cleaned_data if valid else {}
    period = data.get("period") or 30
    last = timezone.localdate()
    first = last - datetime.timedelta(days=period - 1)
    days = [first + datetime.timedelta(days=n) for n in range(period)]
    daily = ArticleDailyViews.objects.between(first, last)

    site_views = _series(daily.per_day(), days)
    visits = dict(SiteVisitDay.objects.filter(day__gte=first, day__lte=last).values_list("day", "visits"))
    context = {
        **admin.site.each_context(request),
        "title": _("Thống kê lượt xem, lượt truy cập"),
        "form": form,
        "period": period,
        "first": first,
        "last": last,
        "site_views_total": sum(v for _, v in site_views),
        "site_chart": line_chart(site_views, title=_("Lượt xem bài viết mỗi ngày, toàn trang")),
        "visits_chart": line_chart(_series(visits, days), title=_("Lượt truy cập mỗi ngày")),
        "top_articles": _top(Article.objects.all(), first, last),
    }
    article = data.get("article")
    if article is not None:
        series = _series(daily.filter(article=article).per_day(), days)
        context |= {
            "article": article,
            "article_total": sum(v for _, v in series),
            "article_chart": line_chart(series, title=_("Lượt xem mỗi ngày: %(title)s") % {"title": article.title}),
        }
    campaign = data.get("campaign")
    if campaign is not None:
        series = _series(daily.filter(article__campaigns=campaign).per_day(), days)
        top = _top(Article.objects.filter(campaigns=campaign), first, last)
        context |= {
            "campaign": campaign,
            "campaign_total": sum(v for _, v in series),
            "campaign_chart": line_chart(series, title=_("Lượt xem mỗi ngày: %(name)s") % {"name": campaign.name}),
            "campaign_articles_chart": bar_chart(
                [(_label(a.title), a.period_views) for a in top], title=_("Các bài viết của chương trình")
            )
            if top
            else None,
            "campaign_articles": top,
        }
    context["top_chart"] = (
        bar_chart([(_label(a.title), a.period_views) for a in context["top_articles"]], title=_("Bài xem nhiều nhất"))
        if context["top_articles"]
        else None
    )
    return render(request, "admin/statistics.html", context)
