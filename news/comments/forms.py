"""The "Viết bình luận" form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.text import visible
from portal.uploads import filekinds, pictures

from .files import ATTACHMENT_KINDS, validate_attachment
from .models import BlockedWord, Comment, CommentSettings


class CommentForm(forms.ModelForm):
    """ "Viết bình luận": every refusal is a form error in Vietnamese; nothing is saved unless all is well."""

    # A honeypot: hidden from people by CSS and aria-hidden, filled in by bots that fill every field.
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    class Meta:
        model = Comment
        fields = ["name", "email", "text", "attachment"]
        labels = {"name": _("Họ và tên"), "email": _("Thư điện tử (không hiển thị)"), "text": _("Nội dung")}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "attachment": forms.ClearableFileInput(attrs={"accept": filekinds.accept_attribute(ATTACHMENT_KINDS)}),
        }
        help_texts = {
            "attachment": _("Không bắt buộc. Ảnh, PDF hoặc Word, tối đa 10 MB."),
            "email": "",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_length = CommentSettings.current().max_length
        self.fields["text"].widget.attrs["maxlength"] = self.max_length
        self.fields["text"].help_text = _("Tối đa %(max)s ký tự.") % {"max": f"{self.max_length:,}".replace(",", ".")}
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not visible(name):
            raise forms.ValidationError(_("Vui lòng nhập họ và tên."), code="required")
        return name

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not visible(text):
            raise forms.ValidationError(
                _("Bình luận chỉ có ký tự trắng hoặc ký tự không hiển thị. Vui lòng nhập nội dung."),
                code="invisible",
            )
        if len(visible(text)) < 5:
            raise forms.ValidationError(_("Nội dung bình luận quá ngắn."), code="too_short")
        if len(text) > self.max_length:
            raise forms.ValidationError(
                _("Nội dung bình luận dài tối đa %(max)s ký tự (bạn đã nhập %(length)s ký tự)."),
                code="too_long",
                params={"max": self.max_length, "length": len(text)},
            )
        return text

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        if not uploaded:
            return None
        kind = validate_attachment(uploaded)
        self.instance.attachment_type = kind.extension
        self.instance.attachment_name = uploaded.name[-200:]
        if kind in filekinds.IMAGES:
            # A reader's photo may carry where it was taken (GPS) and with what: the portal's one picture check
            # keeps the pixels alone, and refuses a bomb or a broken picture as it does everywhere else.
            return pictures.clean_upload(uploaded)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            # Shown above the form: the trap field itself is hidden from people.
            raise forms.ValidationError(
                _("Không thể gửi bình luận: biểu mẫu có dấu hiệu được điền tự động. Vui lòng thử lại."),
                code="honeypot",
            )
        if any(BlockedWord.found_in(cleaned.get(field) or "") for field in ("name", "text")):
            raise forms.ValidationError(
                _("Bình luận có từ ngữ không phù hợp nên không được gửi. Vui lòng sửa lại nội dung."),
                code="blocked_word",
            )
        return cleaned
