"""The filter form shared by the public lists of the emulation movement and the document library."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Campaign, Theme, Unit


class RecordFilterForm(forms.Form):
    """Filters read from the query string; a list keeps only the fields it offers.

    Bad values (an unknown campaign, a year of letters) are dropped one by one: the list then shows what the
    valid filters select, with the form's error next to the field, never an error page.
    """

    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    campaign = forms.ModelChoiceField(
        label=_("Chương trình"),
        queryset=Campaign.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả chương trình"),
    )
    theme = forms.ModelChoiceField(
        label=_("Chuyên đề"), queryset=Theme.objects.all(), required=False, empty_label=_("Tất cả chuyên đề")
    )
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1945, max_value=2100)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=Unit.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả đơn vị"),
    )
    kind = forms.ChoiceField(label=_("Loại"), required=False)
    status = forms.ChoiceField(label=_("Hiệu lực"), required=False)

    def __init__(self, *args, fields=(), kind_choices=(), status_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]
        if "kind" in self.fields:
            self.fields["kind"].choices = [("", _("Tất cả")), *kind_choices]
        if "status" in self.fields:
            self.fields["status"].choices = [("", _("Tất cả")), *status_choices]
        if "year" in self.fields:
            self.fields["year"].widget.attrs.update({"placeholder": _("Năm"), "inputmode": "numeric"})
        if "q" in self.fields:
            self.fields["q"].widget.attrs.update({"placeholder": _("Số hiệu, trích yếu, cơ quan ban hành")})

    @property
    def filters(self) -> dict:
        """The valid, non-empty filters."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
