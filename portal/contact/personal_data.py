"""Contact messages as personal data: exported and deleted on request."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.privacy.registry import PersonalDataSource

from .models import ContactMessage


def export(email: str) -> list[dict]:
    return [
        {
            "id": m.pk,
            "ho_ten": m.name,
            "thu_dien_tu": m.email,
            "tieu_de": m.subject,
            "noi_dung": m.message,
            "thoi_gian_gui": timezone.localtime(m.created_at).isoformat(),
            "dia_chi_ip": m.ip_address,
            "da_xu_ly": m.is_handled,
        }
        for m in ContactMessage.objects.filter(email__iexact=email).order_by("created_at")
    ]


def erase(email: str) -> int:
    return ContactMessage.objects.filter(email__iexact=email).delete()[0]


SOURCE = PersonalDataSource(key="contact_messages", label=_("Thư liên hệ"), export=export, erase=erase)
