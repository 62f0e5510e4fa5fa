from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SCORES
from .targets import read_target

SCORE_LABELS = {
    1: _("Không hữu ích"),
    2: _("Ít hữu ích"),
    3: _("Bình thường"),
    4: _("Hữu ích"),
    5: _("Rất hữu ích"),
}


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Mức độ hữu ích"),
        choices=[(n, f"{n} – {SCORE_LABELS[n]}") for n in SCORES],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vui lòng chọn một mức từ 1 đến 5."), "invalid_choice": _("Chọn từ 1 đến 5.")},
    )
    comment = forms.CharField(
        label=_("Góp ý thêm (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )
    target = forms.CharField(
        widget=forms.HiddenInput,
        max_length=1000,
        error_messages={
            "required": _("Không xác định được trang cần đánh giá."),
            "max_length": _("Không xác định được trang cần đánh giá."),
        },
    )

    def clean_target(self):
        target = read_target(self.cleaned_data["target"])
        if target is None:
            raise forms.ValidationError(_("Không xác định được trang cần đánh giá."), code="bad_target")
        return target
