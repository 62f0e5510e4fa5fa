"""Guards shared by every form a reader sends (comments, questions, contact, comments on award proposals).

A leaf module (it imports no app). The per-address rate limit is ``portal.visitors.budget.take_reader_form_slot``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class HoneypotMixin(forms.Form):
    """A field hidden from people (CSS and aria-hidden) that bots filling every field fill in: then refused."""

    honeypot_message = _("Không thể gửi: biểu mẫu có dấu hiệu được điền tự động. Vui lòng thử lại.")

    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            # Shown above the form: the trap field itself is hidden from people.
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return cleaned
