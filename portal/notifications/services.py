"""Telling staff what concerns them: one call, ``notify``, for every app (the newsroom, comments, Q&A...).

The inbox row is written in the caller's transaction; the e-mail, for those who want it, is queued after that
transaction commits and sent by the background worker (``tasks.send_notification_email``), so the admin never
waits for a mail server, and a rolled-back action tells nobody.
"""

import functools
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import EmailOptOut, Kind, Notification


def notify(*, recipients: Iterable, kind: str, title: str, url: str = "", body: str = "", actor=None) -> list:
    """Tell each of ``recipients`` (users; duplicates and inactive ones dropped) ``title``, linking to ``url``.

    The person who acted (``actor``) is never told of their own act. Returns the notifications written.
    """
    people = {user.pk: user for user in recipients if user.is_active and (actor is None or user.pk != actor.pk)}
    if not people:
        return []
    emailed = _wanting_email(people.values(), kind)
    rows = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            title=title[:300],
            body=body,
            url=url[:500],
            actor=actor,
            email=Notification.Email.PENDING if user.pk in emailed else Notification.Email.NONE,
        )
        for user in people.values()
    )
    from .tasks import send_notification_email  # the task module imports this one

    for row in rows:
        if row.email == Notification.Email.PENDING:
            # robust: a queue that cannot take the task is logged by Django, the action stays done.
            transaction.on_commit(
                functools.partial(send_notification_email.enqueue, notification_id=row.pk), robust=True
            )
    return rows


def _wanting_email(users: Iterable, kind: str) -> set[int]:
    """Ids of the users to whom this kind is e-mailed: mail is configured, they have an address, did not refuse."""
    if not settings.NOTIFICATION_EMAILS:
        return set()
    with_address = {user.pk for user in users if user.email}
    if not with_address:
        return set()
    refused = EmailOptOut.objects.filter(user_id__in=with_address, kind=kind).values_list("user_id", flat=True)
    return with_address - set(refused)


def users_with_permission(permission: str) -> QuerySet:
    """Active staff holding ``"app_label.codename"`` through a group, directly, or as superusers."""
    app_label, codename = permission.split(".", 1)
    held = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=held) | Q(user_permissions__in=held))
        .distinct()
    )


def mark_read(*, user, notification_ids: Iterable[int] | None = None) -> int:
    """Mark ``user``'s notifications read (the given ones, or all); returns how many changed."""
    unread = Notification.objects.for_user(user).unread()
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def set_email_choices(*, user, wanted: Iterable[str]) -> None:
    """Keep ``user``'s e-mail choices: every kind not in ``wanted`` is refused."""
    refused = set(Kind.values) - set(wanted)
    with transaction.atomic():
        EmailOptOut.objects.filter(user=user).exclude(kind__in=refused).delete()
        existing = set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))
        EmailOptOut.objects.bulk_create(EmailOptOut(user=user, kind=kind) for kind in refused - existing)


def email_choices(user) -> set[str]:
    """The kinds ``user`` wants by e-mail."""
    return set(Kind.values) - set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))
