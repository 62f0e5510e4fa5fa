"""The leadership report in the admin: a period and a campaign in, figures, charts and exports out."""

import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign

from .charts import bar_chart
from .reports import build_report, export_csv, export_xlsx

MAX_DAYS = 366 * 10
REQUIRED_PERMISSIONS = ("news.view_article", "campaigns.view_award")


class ReportForm(forms.Form):
    start = forms.DateField(label=_("Từ ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Đến ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    campaign = forms.ModelChoiceField(
        label=_("Chương trình"),
        queryset=Campaign.objects.all(),
        required=False,
        empty_label=_("Tất cả chương trình"),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("Ngày kết thúc phải sau ngày bắt đầu."))
            elif (end - start).days > MAX_DAYS:
                self.add_error("end", _("Kỳ báo cáo dài tối đa 10 năm."))
        return cleaned


def _default_period() -> dict:
    today = timezone.localdate()
    return {"start": datetime.date(today.year, 1, 1), "end": today}


def emulation_report(request):
    """The report page; ``?format=xlsx`` or ``?format=csv`` downloads the same figures."""
    if not request.user.has_perms(REQUIRED_PERMISSIONS):
        raise PermissionDenied
    form = ReportForm(request.GET if "start" in request.GET else None, initial=_default_period())
    if form.is_bound and form.is_valid():
        period = form.cleaned_data
    elif form.is_bound:
        period = None
    else:
        period = {**_default_period(), "campaign": None}
    report = build_report(start=period["start"], end=period["end"], campaign=period["campaign"]) if period else None

    export = request.GET.get("format")
    if report and export in ("xlsx", "csv"):
        name = f"bao-cao-thi-dua-{report.start:%Y%m%d}-{report.end:%Y%m%d}.{export}"
        if export == "xlsx":
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            response = HttpResponse(export_xlsx(report), content_type=content_type)
        else:
            response = HttpResponse(export_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    charts = []
    if report:
        charts = [
            bar_chart([(name, n) for name, n, _views in report.by_category], title=_("Số bài theo chuyên mục")),
            bar_chart([(name, n) for name, n, _views in report.by_author[:15]], title=_("Số bài theo tác giả")),
            bar_chart(report.awards_by_form, title=_("Khen thưởng theo hình thức")),
        ]
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        **admin.site.each_context(request),
        "title": _("Báo cáo phong trào thi đua"),
        "form": form,
        "report": report,
        "charts": charts,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/emulation_report.html", context)
