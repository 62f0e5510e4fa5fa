"""Questions as personal data. Erasing keeps a published answer (and the question's words) but not the person."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.privacy.registry import PersonalDataSource
from portal.uploads.attachments import delete_file

from .models import Question

ANONYMOUS = "Bạn đọc"


def _of(email: str):
    return Question.objects.filter(email__iexact=email)


def export(email: str) -> list[dict]:
    return [
        {
            "ma_tra_cuu": q.code,
            "chu_de": q.topic.name,
            "tieu_de": q.title,
            "noi_dung": q.text,
            "ho_ten": q.name,
            "thu_dien_tu": q.email,
            "so_dien_thoai": q.phone,
            "tep_dinh_kem": q.attachment_name or None,
            "thoi_gian_gui": timezone.localtime(q.created_at).isoformat(),
            "dia_chi_ip": q.ip_address,
            "tinh_trang": q.get_status_display(),
            "cau_tra_loi": q.answer,
            "da_cong_bo": q.is_published,
        }
        for q in _of(email).select_related("topic").order_by("created_at")
    ]


def erase(email: str) -> int:
    """Published questions lose the person (name, e-mail, phone, address, file); all others are deleted."""
    touched = 0
    for question in _of(email):
        if question.is_published:
            old_file = question.attachment.name and question.attachment
            question.name, question.email, question.phone, question.ip_address = ANONYMOUS, "", "", None
            question.attachment, question.attachment_type, question.attachment_name = "", "", ""
            question.save()
            if old_file:
                transaction.on_commit(lambda f=old_file: delete_file(f))
        else:
            question.delete()  # its file goes with it (signals)
        touched += 1
    return touched


SOURCE = PersonalDataSource(key="questions", label=_("Câu hỏi, góp ý"), export=export, erase=erase)
