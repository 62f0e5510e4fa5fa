"""Receiving a contact message: saved with its consent, then (after the commit) sent to the administrators."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from portal.privacy.consent import record_consents
from portal.site import absolute_url
from portal.visitors.budget import take_reader_form_slot

from .models import ContactMessage

logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """Too many messages from this address lately; nothing was saved."""


def notify_recipients(profile_email: str) -> list[str]:
    """The body's address from the site profile (administrators edit it); nobody when e-mail is not configured."""
    return [profile_email] if settings.EMAIL_HOST and profile_email else []


def _send_notice(message: ContactMessage, recipients: list[str]) -> None:
    link = absolute_url(reverse("admin:contact_contactmessage_change", args=[message.pk]))
    try:
        send_mail(
            subject=f"[Liên hệ] {message.subject}"[:150],
            message=f"{message.name} <{message.email}> gửi:\n\n{message.message}\n\nXem trong trang quản trị: {link}",
            from_email=None,
            recipient_list=recipients,
        )
    except Exception:  # the message is saved and listed in the admin; the mail server's trouble is only logged
        logger.warning("contact message %s not e-mailed", message.pk, exc_info=True)


def submit_contact_message(*, form, ip_address: str | None, notify: list[str]) -> ContactMessage:
    if not take_reader_form_slot(form="contact", address=ip_address):
        raise RateLimited
    with transaction.atomic():
        message = form.save(commit=False)
        message.ip_address = ip_address
        message.save()
        record_consents(subject=message, email=message.email, purposes=form.given_purposes())
        if notify:
            transaction.on_commit(lambda: _send_notice(message, notify))
    return message
