"""What the audit log records, from Django's and django-axes' signals.

Sign-ins (success, failure, lockout, sign-out), password changes, a user's groups and own permissions, a group's
permissions, and the staff and superuser flags. Data migrations use historical models, whose signals are not
these: the roles they sync are not logged.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from portal.visitors.identity import client_ip

from .middleware import current_request, mark_active
from .models import AuditEvent

Action = AuditEvent.Action
User = get_user_model()
FLAGS = ("is_staff", "is_superuser", "is_active")
NEW_ACCOUNT_FLAGS = {"is_staff": False, "is_superuser": False, "is_active": True}  # what creating one changes


def record(action: str, *, target: str, detail: str = "", request=None, actor=None) -> AuditEvent:
    """Write one event; the actor is the request's user unless given, the address the request's."""
    request = request if request is not None else current_request()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        target=target[:255],
        ip_address=client_ip(request) if request is not None else None,
        detail=detail,
    )


@receiver(user_logged_in, dispatch_uid="accounts-login")
def on_login(sender, request, user, **kwargs):
    if user.is_staff and hasattr(request, "session"):
        mark_active(request)  # the idle clock starts now, not at the next request
    record(Action.LOGIN, target=user.get_username(), request=request, actor=user)


@receiver(user_logged_out, dispatch_uid="accounts-logout")
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, target=user.get_username(), request=request, actor=user)


@receiver(user_login_failed, dispatch_uid="accounts-login-failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    record(Action.LOGIN_FAILED, target=str(credentials.get(User.USERNAME_FIELD, "")), request=request)


@receiver(user_locked_out, dispatch_uid="accounts-locked-out")
def on_locked_out(sender, request, username, ip_address, **kwargs):
    record(Action.LOCKED_OUT, target=username or "", request=request)


@receiver(pre_save, sender=User, dispatch_uid="accounts-user-before")
def remember_flags(sender, instance, update_fields=None, **kwargs):
    """The flags as stored, to compare after saving; skipped when a save touches none (``last_login``)."""
    if instance.pk is None or (update_fields is not None and not set(update_fields) & set(FLAGS)):
        return
    instance._audit_flags = User.objects.filter(pk=instance.pk).values(*FLAGS).first()


@receiver(post_save, sender=User, dispatch_uid="accounts-user-after")
def on_user_saved(sender, instance, created, **kwargs):
    if getattr(instance, "_password", None) is not None and not created:  # set_password() before this save
        record(Action.PASSWORD_CHANGED, target=instance.get_username())
    before = NEW_ACCOUNT_FLAGS if created else getattr(instance, "_audit_flags", None)
    instance._audit_flags = None
    if before is None:
        return
    labels = {"is_staff": _("nhân viên"), "is_superuser": _("siêu quản trị"), "is_active": _("đang hoạt động")}
    changes = [
        f"{labels[flag]}: {_('có') if getattr(instance, flag) else _('không')}"
        for flag in FLAGS
        if before[flag] != getattr(instance, flag)
    ]
    if changes:
        record(Action.FLAGS_CHANGED, target=instance.get_username(), detail="; ".join(changes))


def _name(obj) -> str:
    if isinstance(obj, Permission):
        return f"{obj.content_type.app_label}.{obj.codename}"
    return obj.get_username() if isinstance(obj, User) else str(obj)


# through model -> (action, owner model, item model, owner column, item column)
M2M = {
    User.groups.through: (Action.GROUPS_CHANGED, User, Group, "user_id", "group_id"),
    User.user_permissions.through: (Action.USER_PERMISSIONS_CHANGED, User, Permission, "user_id", "permission_id"),
    Group.permissions.through: (Action.GROUP_PERMISSIONS_CHANGED, Group, Permission, "group_id", "permission_id"),
}


def on_m2m_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """One event per account or group whose roles or permissions were added or removed."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    kind, owner_model, item_model, owner_column, item_column = M2M[sender]
    mine, other = (item_column, owner_column) if reverse else (owner_column, item_column)
    if action == "pre_clear":
        pk_set = set(sender.objects.filter(**{mine: instance.pk}).values_list(other, flat=True))
    if not pk_set:
        return
    model = owner_model if reverse else item_model
    queryset = model.objects.filter(pk__in=pk_set)
    others = list(queryset.select_related("content_type") if model is Permission else queryset)
    verb = _("Thêm") if action == "post_add" else _("Bỏ")
    if reverse:  # e.g. group.user_set.add(...): each account gets its own event
        for owner in others:
            record(kind, target=_name(owner), detail=f"{verb}: {_name(instance)}")
    else:
        record(kind, target=_name(instance), detail=f"{verb}: {', '.join(sorted(map(_name, others)))}")


for _through in M2M:
    m2m_changed.connect(on_m2m_changed, sender=_through, dispatch_uid=f"accounts-m2m-{_through._meta.label}")
