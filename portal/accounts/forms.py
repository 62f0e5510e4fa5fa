"""The form of the second factor: one code, from the authenticator app or a backup code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def __init__(self, *args, digits_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if digits_only:
            self.fields["code"].widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})
            self.fields["code"].help_text = _("Sáu chữ số ứng dụng đang hiện.")
        else:
            self.fields["code"].help_text = _("Sáu chữ số trong ứng dụng xác thực, hoặc một mã dự phòng.")
