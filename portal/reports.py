"""The leadership report: what the portal and the emulation movement produced in a period, for one campaign or all.

Articles published (by category and by author) with their views, good models and exemplary people added, awards
granted; exported to Excel (xlsx) and CSV with the same figures the admin page shows.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db.models import Count, Sum
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
            (_("Mô hình hay được nhập"), len(self.good_models)),
            (_("Gương điển hình được nhập"), len(self.exemplars)),
            (_("Khen thưởng được trao"), len(self.awards)),
        ]


def build_report(*, start: datetime.date, end: datetime.date, campaign: Campaign | None = None) -> Report:
    """The figures of ``start``..``end`` (both days included, local time). Revoked awards are not counted."""
    articles = Article.objects.published().filter(published_at__date__gte=start, published_at__date__lte=end)
    good_models = GoodModel.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
    exemplars = Exemplar.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
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
        good_models=list(good_models.select_related("unit").order_by("created_at")),
        exemplars=list(exemplars.select_related("unit").order_by("created_at")),
        awards=list(awards.for_listing().order_by("decided_on", "id")),
    )


def _sections(report: Report) -> list[tuple[str, list[str], list[list]]]:
    """The report as titled tables: the one source of both exports."""
    period = f"{report.start:%d/%m/%Y} - {report.end:%d/%m/%Y}"
    return [
        (
            _("Tổng hợp"),
            [_("Chỉ tiêu"), _("Số liệu")],
            [[_("Kỳ báo cáo"), period], [_("Chương trình"), report.campaign_name]]
            + [[label, value] for label, value in report.summary_rows()],
        ),
        (
            _("Theo chuyên mục"),
            [_("Chuyên mục"), _("Số bài"), _("Lượt xem")],
            [list(row) for row in report.by_category],
        ),
        (_("Theo tác giả"), [_("Tác giả"), _("Số bài"), _("Lượt xem")], [list(row) for row in report.by_author]),
        (
            _("Mô hình hay"),
            [_("Tên mô hình"), _("Đơn vị"), _("Thực hiện từ"), _("Ngày nhập")],
            [[m.name, m.unit.name, m.started_on, m.created_at.date()] for m in report.good_models],
        ),
        (
            _("Gương điển hình"),
            [_("Tên"), _("Loại"), _("Đơn vị"), _("Ngày nhập")],
            [
                [e.name, e.get_kind_display(), e.unit.name if e.unit else "", e.created_at.date()]
                for e in report.exemplars
            ],
        ),
        (
            _("Khen thưởng"),
            [_("Hình thức"), _("Giải, danh hiệu"), _("Đối tượng"), _("Cơ quan"), _("Số quyết định"), _("Ngày")],
            [
                [a.get_form_display(), a.prize, str(a.recipient), a.issuer.name, a.decision_number, a.decided_on]
                for a in report.awards
            ],
        ),
    ]


def _csv_cell(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # a name typed as a formula must not run as one in a spreadsheet
    return value


def export_csv(report: Report) -> bytes:
    """UTF-8 with a byte-order mark so that Excel shows the Vietnamese letters; one table after another."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for title, header, rows in _sections(report):
        writer.writerow([title])
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])
        writer.writerow([])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(report: Report) -> bytes:
    """One sheet per table, numbers as numbers and dates as dates."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in _sections(report):
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            # Control characters (a vertical tab pasted from Word) are refused by openpyxl: a space instead.
            sheet.append([ILLEGAL_CHARACTERS_RE.sub(" ", v) if isinstance(v, str) else v for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
        for column, _title in enumerate(header, start=1):
            letter = sheet.cell(row=1, column=column).column_letter
            width = max(len(str(sheet.cell(row=r, column=column).value or "")) for r in range(1, sheet.max_row + 1))
            sheet.column_dimensions[letter].width = min(60, max(12, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
