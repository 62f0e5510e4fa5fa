"""The admin's report pages: the leadership report (with its exports) and the statistics page."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .charts import bar_chart
from .document import document_pdf, render_document
from .exports import export_csv, export_xlsx
from .forms import DEFAULT_STATISTICS_DAYS, DocumentForm, ReportForm, StatisticsForm, default_report_period
from .leadership import build_report
from .statistics import articles_for, build_statistics

REPORT_PERMISSIONS = ("news.view_article", "campaigns.view_award")
# The files that leave the admin for the leadership are made by those who answer for the content: editors and
# administrators (reviewers), not writers (README, "Staff accounts").
EXPORT_PERMISSIONS = (*REPORT_PERMISSIONS, "news.review_article")
EXPORTS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export_xlsx),
    "csv": ("text/csv; charset=utf-8", export_csv),
}
DOCUMENTS = ("print", "pdf")


def _report_period(form: ReportForm) -> dict | None:
    """The period asked for, today's year when nothing was asked, None when the form has errors."""
    if not form.is_bound:
        return {**default_report_period(), "campaign": None}
    return form.cleaned_data if form.is_valid() else None


def _download(report, export: str) -> HttpResponse:
    content_type, write = EXPORTS[export]
    response = HttpResponse(write(report), content_type=content_type)
    name = f"bao-cao-thi-dua-{report.start:%Y%m%d}-{report.end:%Y%m%d}.{export}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _charts(report) -> list:
    return [
        bar_chart([(name, n) for name, n, _views in report.by_category], title=_("Số bài theo chuyên mục")),
        bar_chart([(name, n) for name, n, _views in report.by_author[:15]], title=_("Số bài theo tác giả")),
        bar_chart(report.awards_by_form, title=_("Khen thưởng theo hình thức")),
    ]


def _document(request, report, document_form: DocumentForm, export: str, query: str) -> HttpResponse:
    """The report as a Party document: a page to print, or the same page as a PDF file."""
    context = {"report": report, "heading": document_form.heading(), "query": query}
    if export == "print":
        return TemplateResponse(request, "reports/leadership_document.html", context)
    html = render_document(request=request, context={**context, "for_pdf": True})
    response = HttpResponse(document_pdf(html), content_type="application/pdf")
    name = f"bao-cao-thi-dua-{report.start:%Y%m%d}-{report.end:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def leadership_report(request):
    """The report page; ``?format=`` xlsx or csv downloads the figures, print or pdf gives the signed document."""
    if not request.user.has_perms(REPORT_PERMISSIONS):
        raise PermissionDenied
    form = ReportForm(request.GET if "start" in request.GET else None, initial=default_report_period())
    document_form = DocumentForm(request.GET if "number" in request.GET else None)
    period = _report_period(form)
    report = build_report(start=period["start"], end=period["end"], campaign=period["campaign"]) if period else None
    export = request.GET.get("format")
    may_export = request.user.has_perms(EXPORT_PERMISSIONS)
    query = request.GET.copy()
    query.pop("format", None)
    status = 200
    if report and (export in EXPORTS or export in DOCUMENTS):
        if not may_export:
            messages.error(request, _("Chỉ biên tập viên và quản trị viên được tải hoặc in báo cáo."))
            status = 403
        elif export in EXPORTS:
            return _download(report, export)
        elif document_form.is_bound and not document_form.is_valid():
            messages.error(request, _("Hãy sửa các ô của phần in báo cáo."))
        else:
            return _document(request, report, document_form, export, query.urlencode())

    context = {
        **admin.site.each_context(request),
        "title": _("Báo cáo phong trào thi đua"),
        "form": form,
        "document_form": document_form,
        "report": report,
        "charts": _charts(report) if report else [],
        "query": query.urlencode(),
        "may_export": may_export,
    }
    return TemplateResponse(request, "reports/leadership_report.html", context, status=status)


def statistics(request):
    """ "Thống kê": charts of views per day and the most viewed articles of the chosen period."""
    # The initial period is what the select shows.
    form = StatisticsForm(request.GET or None, initial={"period": DEFAULT_STATISTICS_DAYS}, user=request.user)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    figures = build_statistics(
        days=data.get("period") or DEFAULT_STATISTICS_DAYS,
        articles=articles_for(request.user),
        article=data.get("article"),
        campaign=data.get("campaign"),
    )
    context = {**admin.site.each_context(request), "title": _("Thống kê lượt xem, lượt truy cập"), "form": form}
    return TemplateResponse(request, "reports/statistics.html", context | figures)
