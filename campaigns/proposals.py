"""Receiving a reader's comment on an award proposal; the comments as personal data (export, erase)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.privacy.consent import record_consents
from portal.privacy.registry import PersonalDataSource
from portal.visitors.budget import take_reader_form_slot

from .models import ProposalComment


class RateLimited(Exception):
    """Too many comments from this address lately; nothing was saved."""


def submit_proposal_comment(*, form, proposal, ip_address: str | None) -> ProposalComment:
    if not take_reader_form_slot(form="award-proposal", address=ip_address):
        raise RateLimited
    with transaction.atomic():
        comment = form.save(commit=False)
        comment.proposal, comment.ip_address = proposal, ip_address
        comment.save()
        record_consents(subject=comment, email=comment.email, purposes=form.given_purposes())
    return comment


def _of(email: str):
    return ProposalComment.objects.filter(email__iexact=email)


def export(email: str) -> list[dict]:
    return [
        {
            "thong_bao": c.proposal.title,
            "gop_y_ve": c.nominee.name if c.nominee else None,
            "ho_ten": c.name,
            "thu_dien_tu": c.email,
            "noi_dung": c.text,
            "thoi_gian_gui": timezone.localtime(c.created_at).isoformat(),
            "dia_chi_ip": c.ip_address,
        }
        for c in _of(email).select_related("proposal", "nominee").order_by("created_at")
    ]


def erase(email: str) -> int:
    return _of(email).delete()[0]


PERSONAL_DATA = PersonalDataSource(
    key="award_proposal_comments", label=_("Góp ý về đề nghị khen thưởng"), export=export, erase=erase
)
