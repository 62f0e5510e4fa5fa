"""Readers' comments as personal data: found by e-mail, exported, and deleted (with their files) on request."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.privacy.registry import PersonalDataSource

from .models import Comment


def _of(email: str):
    return Comment.objects.filter(email__iexact=email)


def export(email: str) -> list[dict]:
    return [
        {
            "id": comment.pk,
            "bai_viet": comment.article.title,
            "ho_ten": comment.name,
            "thu_dien_tu": comment.email,
            "noi_dung": comment.text,
            "tep_dinh_kem": comment.attachment_name or None,
            "trang_thai": comment.get_status_display(),
            "thoi_gian_gui": timezone.localtime(comment.created_at).isoformat(),
            "dia_chi_ip": comment.ip_address,
        }
        for comment in _of(email).select_related("article").order_by("created_at")
    ]


def erase(email: str) -> int:
    """Deleted, not anonymised: a comment is the person's own words under their name."""
    comments = list(_of(email))
    for comment in comments:
        comment.delete()  # one by one: post_delete removes each private file
    return len(comments)


SOURCE = PersonalDataSource(key="comments", label=_("Bình luận"), export=export, erase=erase)
