"""The "Liên hệ" form: name, e-mail, subject, message and the reader's consent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.privacy.consent import ConsentFormMixin, ConsentPurpose
from portal.spam import HoneypotMixin
from portal.text import visible

from .models import ContactMessage

CONTACT_CONSENT = ConsentPurpose(
    "contact",
    _("Tôi đồng ý để cơ quan xử lý họ tên và thư điện tử của tôi để tiếp nhận và trả lời thư liên hệ này."),
)
MAX_MESSAGE = 5000


class ContactForm(ConsentFormMixin, HoneypotMixin, forms.ModelForm):
    consent_purposes = (CONTACT_CONSENT,)

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        labels = {"name": _("Họ và tên"), "email": _("Thư điện tử"), "subject": _("Tiêu đề"), "message": _("Nội dung")}
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": MAX_MESSAGE})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["message"].help_text = _("Tối đa 5.000 ký tự.")

    def _required_text(self, name: str, message: str) -> str:
        value = " ".join(self.cleaned_data[name].split()) if name != "message" else self.cleaned_data[name].strip()
        if not visible(value):
            raise forms.ValidationError(message, code="required")
        return value

    def clean_name(self):
        return self._required_text("name", _("Vui lòng nhập họ và tên."))

    def clean_subject(self):
        return self._required_text("subject", _("Vui lòng nhập tiêu đề."))

    def clean_message(self):
        text = self._required_text("message", _("Vui lòng nhập nội dung."))
        if len(text) > MAX_MESSAGE:
            raise forms.ValidationError(
                _("Nội dung dài tối đa 5.000 ký tự (bạn đã nhập %(length)s ký tự)."),
                code="too_long",
                params={"length": len(text)},
            )
        return text
