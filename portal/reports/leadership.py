"""The leadership report: what the portal and the emulation movement produced in a period, for one campaign or all.

Articles published (by category and by author) with their views, good models and exemplary people added, awards
granted. ``exports`` writes the same figures to Excel (xlsx) and CSV.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from campaigns.models import Award, Campaign, Exemplar, GoodModel
from news.models import Article


@dataclass
class Report:
    start: datetime.date
    end: datetime.date
    campaign: Campaign | None
    articles: int = 0
    views: int = 0
    by_category: list[tuple[str, int, int]] = field(default_factory=list)
    by_author: list[tuple[str, int, int]] = field(default_factory=list)
    good_models: list[GoodModel] = field(default_factory=list)
    exemplars: list[Exemplar] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)

    @property
    def campaign_name(self) -> str:
        return self.campaign.name if self.campaign else _("Tất cả chương trình")

    @property
    def awards_by_form(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for award in self.awards:
            counts[award.get_form_display()] = counts.get(award.get_form_display(), 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def summary_rows(self) -> list[tuple[str, int]]:
        return [
            (_("Bài viết đã đăng"), self.articles),
            (_("Lượt xem của các bài đó"), self.views),
            (_("Mô hình hay bắt đầu thực hiện trong kỳ"), len(self.good_models)),
            (_("Gương điển hình được biểu dương trong kỳ"), len(self.exemplars)),
            (_("Khen thưởng được trao"), len(self.awards)),
        ]


def build_report(*, start: datetime.date, end: datetime.date, campaign: Campaign | None = None) -> Report:
    """The figures of ``start``..``end`` (both days included, local time). Revoked awards are not counted."""
    articles = Article.objects.published().filter(published_at__date__gte=start, published_at__date__lte=end)
    # Records count by when they happened, not when someone typed them in: a model by the day it started, an
    # exemplary person by the year they were honoured (the day they were entered only when that year is unknown).
    good_models = GoodModel.objects.filter(started_on__gte=start, started_on__lte=end)
    exemplars = Exemplar.objects.filter(
        Q(year__gte=start.year, year__lte=end.year)
        | Q(year__isnull=True, created_at__date__gte=start, created_at__date__lte=end)
    )
    awards = Award.objects.public().filter(decided_on__gte=start, decided_on__lte=end)
    if campaign:
        articles = articles.filter(campaigns=campaign)
        good_models = good_models.filter(campaigns=campaign)
        exemplars = exemplars.filter(campaigns=campaign)
        awards = awards.filter(campaign=campaign)
    totals = articles.aggregate(n=Count("id"), views=Coalesce(Sum("view_count"), 0))
    by_category = (
        articles.order_by()
        .values("category__name")
        .annotate(n=Count("id"), views=Coalesce(Sum("view_count"), 0))
        .order_by("-n", "category__name")
    )
    by_author = (
        articles.order_by()
        .values("author_name")
        .annotate(n=Count("id"), views=Coalesce(Sum("view_count"), 0))
        .order_by("-n", "author_name")
    )
    return Report(
        start=start,
        end=end,
        campaign=campaign,
        articles=totals["n"],
        views=totals["views"],
        by_category=[(row["category__name"], row["n"], row["views"]) for row in by_category],
        by_author=[(row["author_name"] or _("(không ghi tác giả)"), row["n"], row["views"]) for row in by_author],
        good_models=list(good_models.select_related("unit").order_by("started_on", "id")),
        exemplars=list(exemplars.select_related("unit").order_by("year", "name")),
        awards=list(awards.for_listing().order_by("decided_on", "id")),
    )
