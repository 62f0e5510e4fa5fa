from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kind


class EmailChoicesForm(forms.Form):
    """Which notifications a person also wants by e-mail (the inbox lists them all anyway)."""

    wanted = forms.MultipleChoiceField(
        label=_("Gửi thư điện tử cho tôi khi có"),
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
