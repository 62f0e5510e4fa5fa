"""The filter form shared by the public lists of the emulation movement and the document library."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.privacy.consent import ConsentFormMixin, ConsentPurpose
from portal.spam import HoneypotMixin
from portal.text import visible

from .models import Campaign, ProposalComment, Theme, Unit


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


PROPOSAL_CONSENT = ConsentPurpose(
    "award_proposal_comment",
    _(
        "Tôi đồng ý để cơ quan xử lý họ tên và thư điện tử của tôi để tiếp nhận góp ý này, tổng hợp gửi Hội đồng "
        "Thi đua – Khen thưởng và liên hệ lại khi cần làm rõ."
    ),
)


class ProposalCommentForm(ConsentFormMixin, HoneypotMixin, forms.ModelForm):
    """A reader's comment on an award proposal while it is open: kept for the council, never shown."""

    consent_purposes = (PROPOSAL_CONSENT,)

    class Meta:
        model = ProposalComment
        fields = ["name", "email", "nominee", "text"]
        labels = {
            "name": _("Họ và tên"),
            "email": _("Thư điện tử"),
            "nominee": _("Góp ý về"),
            "text": _("Nội dung góp ý"),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 5, "maxlength": 3000})}

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = proposal.nominees.all()
        self.fields["nominee"].empty_label = _("Cả danh sách")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["text"].help_text = _("Tối đa 3.000 ký tự.")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not visible(name):
            raise forms.ValidationError(_("Vui lòng nhập họ và tên."), code="required")
        return name

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(visible(text)) < 5:
            raise forms.ValidationError(_("Vui lòng nhập nội dung góp ý (ít nhất 5 ký tự)."), code="too_short")
        if len(text) > 3000:
            raise forms.ValidationError(_("Nội dung góp ý dài tối đa 3.000 ký tự."), code="too_long")
        return text
