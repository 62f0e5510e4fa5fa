"""The reader's question form and the search of published answers."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.privacy.consent import ConsentFormMixin, ConsentPurpose
from portal.spam import HoneypotMixin
from portal.text import visible
from portal.uploads import filekinds
from portal.uploads.attachments import ATTACHMENT_KINDS, validate_attachment

from .models import Question, Topic

QUESTION_CONSENT = ConsentPurpose(
    "question",
    _(
        "Tôi đồng ý để cơ quan xử lý họ tên, thư điện tử và số điện thoại (nếu có) của tôi để tiếp nhận, "
        "trả lời câu hỏi, góp ý này và báo tình trạng xử lý."
    ),
)
PUBLISH_CONSENT = ConsentPurpose(
    "question_publish",
    _("Tôi đồng ý để cơ quan công bố câu hỏi và câu trả lời trong mục Hỏi đáp, không kèm thông tin cá nhân."),
    required=False,
)
MAX_TEXT = 5000
PHONE = re.compile(r"^\+?[0-9 .\-]{8,20}$")


class QuestionForm(ConsentFormMixin, HoneypotMixin, forms.ModelForm):
    consent_purposes = (QUESTION_CONSENT, PUBLISH_CONSENT)

    class Meta:
        model = Question
        fields = ["name", "email", "phone", "topic", "title", "text", "attachment"]
        labels = {
            "name": _("Họ và tên"),
            "email": _("Thư điện tử"),
            "phone": _("Số điện thoại (không bắt buộc)"),
            "topic": _("Chủ đề"),
            "title": _("Tiêu đề"),
            "text": _("Nội dung câu hỏi, góp ý"),
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 7, "maxlength": MAX_TEXT}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
            "attachment": forms.ClearableFileInput(attrs={"accept": filekinds.accept_attribute(ATTACHMENT_KINDS)}),
        }
        help_texts = {"attachment": _("Không bắt buộc. Ảnh, PDF hoặc Word, tối đa 10 MB.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)
        self.fields["topic"].empty_label = _("Chọn chủ đề")
        self.fields["text"].help_text = _("Tối đa 5.000 ký tự.")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def _text(self, name: str, message: str, *, single_line: bool = True) -> str:
        value = self.cleaned_data[name]
        value = " ".join(value.split()) if single_line else value.strip()
        if not visible(value):
            raise forms.ValidationError(message, code="required")
        return value

    def clean_name(self):
        return self._text("name", _("Vui lòng nhập họ và tên."))

    def clean_title(self):
        return self._text("title", _("Vui lòng nhập tiêu đề."))

    def clean_text(self):
        text = self._text("text", _("Vui lòng nhập nội dung câu hỏi, góp ý."), single_line=False)
        if len(text) > MAX_TEXT:
            raise forms.ValidationError(
                _("Nội dung dài tối đa 5.000 ký tự (bạn đã nhập %(length)s ký tự)."),
                code="too_long",
                params={"length": len(text)},
            )
        return text

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Số điện thoại chỉ gồm chữ số (8 đến 20 ký tự)."), code="bad_phone")
        return phone

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        if not uploaded:
            return None
        kind = validate_attachment(uploaded)
        self.instance.attachment_type = kind.extension
        self.instance.attachment_name = uploaded.name[-200:]
        return uploaded


class AnswerSearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    chu_de = forms.ModelChoiceField(
        label=_("Chủ đề"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả chủ đề"),
    )

    def filters(self) -> dict:
        """The valid, non-empty filters; a bad value is dropped (the list shows what the others select)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class TrackingForm(forms.Form):
    ma = forms.CharField(label=_("Mã tra cứu"), max_length=20)

    def clean_ma(self):
        return self.cleaned_data["ma"].strip().upper()
