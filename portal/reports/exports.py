"""The leadership report as files: Excel (xlsx) and CSV, the same tables the admin page shows."""

import csv
import datetime
import io

from django.utils.translation import gettext as _

from .leadership import Report


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
