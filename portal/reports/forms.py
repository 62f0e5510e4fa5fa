"""What the report and statistics pages ask for: a period and a campaign (and, for statistics, an article)."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign

from .statistics import articles_for

MAX_REPORT_DAYS = 366 * 10
STATISTICS_PERIODS = [("7", _("7 ngày")), ("30", _("30 ngày")), ("90", _("90 ngày")), ("365", _("365 ngày"))]
DEFAULT_STATISTICS_DAYS = 30


def default_report_period() -> dict:
    """From the first of January to today."""
    today = timezone.localdate()
    return {"start": datetime.date(today.year, 1, 1), "end": today}


class ReportForm(forms.Form):
    # A browser's date input speaks ISO whatever the language (it shows the date the reader's way): not the
    # portal's "17/12/2026", which it would take for no date at all.
    start = forms.DateField(label=_("Từ ngày"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("Đến ngày"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
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
            elif (end - start).days > MAX_REPORT_DAYS:
                self.add_error("end", _("Kỳ báo cáo dài tối đa 10 năm."))
        return cleaned


class StatisticsForm(forms.Form):
    period = forms.TypedChoiceField(
        label=_("Khoảng thời gian"),
        choices=STATISTICS_PERIODS,
        coerce=int,
        required=False,
        empty_value=DEFAULT_STATISTICS_DAYS,
    )
    campaign = forms.ModelChoiceField(
        label=_("Chương trình, phong trào"),
        queryset=Campaign.objects.all(),
        required=False,
        empty_label=_("(toàn trang)"),
    )
    article = forms.IntegerField(label=_("Mã bài viết"), required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_article(self):
        """An article this person may see in the admin, or one readers see: never another writer's draft."""
        pk = self.cleaned_data.get("article")
        if pk is None:
            return None
        article = articles_for(self.user).filter(pk=pk).only("id", "title", "slug", "view_count").first()
        if article is None:
            raise forms.ValidationError(_("Không có bài viết này."))
        return article


class DocumentForm(forms.Form):
    """What the printed report says beyond the figures: its number, its subject, who signs it and who receives it.

    Every field may stay empty: the printed report then has a blank to fill by hand, as paper reports do.
    """

    number = forms.CharField(label=_("Số báo cáo"), required=False, max_length=40, help_text=_("Ví dụ: 45-BC/ĐU"))
    subject = forms.CharField(label=_("V/v (trích yếu)"), required=False, max_length=300)
    on_behalf = forms.CharField(label=_("Thẩm quyền ký"), required=False, max_length=60, initial=_("T/M ĐẢNG ỦY"))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), required=False, max_length=60, initial=_("BÍ THƯ"))
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=80)
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
        initial=_("- Ban Thường vụ Đảng ủy cấp trên,\n- Các chi bộ trực thuộc,\n- Lưu Văn phòng Đảng ủy."),
    )

    def heading(self) -> dict:
        """The document's fixed parts: the bodies from the settings, then this form's values or their defaults."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        values = {name: data.get(name) or field.initial or "" for name, field in self.fields.items()}
        return {
            **values,
            "recipients": [line.strip() for line in str(values["recipients"]).splitlines() if line.strip()],
            "superior_body": settings.REPORT_SUPERIOR_BODY,
            "issuing_body": settings.REPORT_ISSUING_BODY,
            "place": settings.REPORT_PLACE,
            "day": timezone.localdate(),
        }
