"""The one consent rule of every form that takes a name, e-mail or phone.

A form lists its purposes (``ConsentPurpose``); ``ConsentFormMixin`` adds one unticked box per purpose and refuses
the form, with a Vietnamese message on the box, when a required one is not ticked (silence is not consent).
After the submission is saved, ``record_consents`` stores each ticked purpose with the policy version and the time,
linked to the submission, in the same transaction: without its consent, nothing is saved.
"""

from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Consent, PrivacyPolicy, normalise_email

PREFIX = "consent_"


@dataclass(frozen=True)
class ConsentPurpose:
    code: str  # stored with the consent, e.g. "comment"
    label: str  # the words beside the tick box, stored too
    required: bool = True


class ConsentFormMixin(forms.Form):
    """Adds ``consent_<code>`` boxes for ``consent_purposes``; the template shows them with the privacy notice."""

    consent_purposes: tuple[ConsentPurpose, ...] = ()
    privacy_notice = _(
        "Họ tên, thư điện tử và số điện thoại (nếu có) bạn nhập chỉ được dùng cho mục đích bạn đánh dấu dưới đây, "
        "không công khai và không chuyển cho bên khác. Bạn có thể yêu cầu xem hoặc xóa dữ liệu của mình."
    )
    refusal_message = _(
        "Bạn chưa đồng ý cho xử lý dữ liệu cá nhân cho mục đích này. Không có sự đồng ý, biểu mẫu không được gửi "
        "và không có dữ liệu nào được lưu."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in self.consent_purposes:
            label = purpose.label if purpose.required else _("%(label)s (không bắt buộc)") % {"label": purpose.label}
            self.fields[PREFIX + purpose.code] = forms.BooleanField(label=label, required=False, initial=False)

    @property
    def consent_fields(self) -> list:
        return [self[PREFIX + purpose.code] for purpose in self.consent_purposes]

    @property
    def entry_fields(self) -> list:
        """The visible fields other than the consent boxes, in order (the honeypot among them, by name)."""
        return [field for field in self.visible_fields() if not field.name.startswith(PREFIX)]

    @property
    def privacy_policy(self) -> PrivacyPolicy:
        return PrivacyPolicy.current()

    def clean(self):
        cleaned = super().clean()
        for purpose in self.consent_purposes:
            if purpose.required and not cleaned.get(PREFIX + purpose.code):
                self.add_error(PREFIX + purpose.code, forms.ValidationError(self.refusal_message, code="no_consent"))
        return cleaned

    def given_purposes(self) -> list[ConsentPurpose]:
        return [p for p in self.consent_purposes if self.cleaned_data.get(PREFIX + p.code)]

    def gave(self, code: str) -> bool:
        return bool(self.cleaned_data.get(PREFIX + code))


def record_consents(*, subject: models.Model, email: str, purposes: list[ConsentPurpose]) -> list[Consent]:
    """Store the ticked ``purposes`` for the saved ``subject``; call inside the transaction that saved it."""
    policy = PrivacyPolicy.ensure_published()
    content_type = ContentType.objects.get_for_model(subject)
    now = timezone.now()
    return Consent.objects.bulk_create(
        Consent(
            email=normalise_email(email),
            purpose=purpose.code,
            purpose_text=str(purpose.label)[:400],
            policy=policy,
            given_at=now,
            content_type=content_type,
            object_id=subject.pk,
        )
        for purpose in purposes
    )
