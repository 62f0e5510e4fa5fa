"""The notification e-mail, sent by the background worker (django-tasks; ``manage.py db_worker``).

A send that fails (server down, refusing, timing out) is logged and queued again later, up to
``NOTIFICATION_EMAIL_ATTEMPTS`` times in all; it never raises into whoever queued it.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from portal.site import absolute_url, current_site

from .models import Notification

logger = logging.getLogger("portal.notifications")
Email = Notification.Email


def retry_delay(attempt: int) -> datetime.timedelta:
    """After the ``attempt``-th failure: the base wait, four times longer each time (1, 4, 16, 64 min)."""
    return datetime.timedelta(seconds=settings.NOTIFICATION_EMAIL_RETRY_SECONDS * 4 ** (attempt - 1))


def build_message(notification: Notification) -> EmailMessage:
    site = current_site()
    body = render_to_string(
        "notifications/email.txt",
        {
            "notification": notification,
            "site": site,
            "link": absolute_url(notification.url) if notification.url else "",
            "preferences": absolute_url(reverse("notifications:preferences")),
        },
    )
    return EmailMessage(
        subject=f"[{site.name}] {notification.title}"[:250],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient.email],
    )


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> str:
    """Send one notification's e-mail; on failure log it and queue the next attempt."""
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or notification.email != Email.PENDING or not notification.recipient.email:
        return "skipped"
    try:
        build_message(notification).send()
    except Exception as error:  # any failure of the mail server (or of the network) is retried, never raised
        return _failed(notification, attempt, error)
    Notification.objects.filter(pk=notification.pk).update(email=Email.SENT, email_attempts=attempt)
    return "sent"


def _failed(notification: Notification, attempt: int, error: Exception) -> str:
    most = settings.NOTIFICATION_EMAIL_ATTEMPTS
    if attempt >= most:
        Notification.objects.filter(pk=notification.pk).update(email=Email.FAILED, email_attempts=attempt)
        logger.error(
            "notification %s: e-mail to %s failed %s times, given up: %r",
            notification.pk,
            notification.recipient.email,
            attempt,
            error,
        )
        return "failed"
    Notification.objects.filter(pk=notification.pk).update(email_attempts=attempt)
    delay = retry_delay(attempt)
    logger.warning(
        "notification %s: e-mail to %s failed (attempt %s of %s), retried in %s s: %r",
        notification.pk,
        notification.recipient.email,
        attempt,
        most,
        int(delay.total_seconds()),
        error,
    )
    retry = send_notification_email
    if retry.get_backend().supports_defer:
        retry = retry.using(run_after=timezone.now() + delay)
    retry.enqueue(notification_id=notification.pk, attempt=attempt + 1)
    return "retrying"
