"""The audit log and the login lockouts in the admin, read-only but for unlocking.

Only administrators hold these permissions (the roles' "*"): editors and writers see neither.
"""

from contextlib import suppress

from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import twofactor
from .models import AuditEvent
from .signals import record

User = get_user_model()

# django-otp's own device admins show a person's secret (and its QR code) to anyone allowed to open them, in
# English: the second factor is reset from the account list instead, and never read back.
for _model in (TOTPDevice, StaticDevice):
    with suppress(NotRegistered):
        admin.site.unregister(_model)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A log is written by the code, never by hand, and nobody erases it from the admin."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "target", "actor_name", "ip_address", "detail"]
    list_filter = ["action", "at"]
    search_fields = ["target", "actor_name", "ip_address", "detail"]
    date_hierarchy = "at"
    fields = ["at", "action", "target", "actor", "actor_name", "ip_address", "detail"]
    list_select_related = ["actor"]


@admin.register(AccessAttempt)
class LockoutAdmin(ReadOnlyAdmin):
    """Failed logins counted by django-axes, per account and per address; unlocking deletes the count."""

    list_display = ["attempt_time", "username", "ip_address", "failures_since_start", "user_agent"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    fields = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info", "user_agent"]
    actions = ["unlock"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "unlock" says what deleting a count means
        return actions

    @admin.action(description=_("Mở khóa đăng nhập (xóa các lần sai đã chọn)"), permissions=["unlock"])
    def unlock(self, request, queryset):
        unlocked = sorted({f"{a.username or '—'} / {a.ip_address or '—'}" for a in queryset})
        count = queryset.delete()[1].get(AccessAttempt._meta.label, 0)
        record(AuditEvent.Action.UNLOCKED, target=", ".join(unlocked), request=request)
        self.message_user(
            request,
            ngettext("Đã mở khóa %(n)s mục.", "Đã mở khóa %(n)s mục.", count) % {"n": count},
            messages.SUCCESS,
        )

    def has_unlock_permission(self, request):
        return request.user.has_perm("axes.delete_accessattempt")


# Permission names are stored in English when a model first appears ("Can add bài viết"); in the lists of a
# group's or a person's permissions they read as the action in Vietnamese and the model's translated name.
PERMISSION_ACTIONS = {"add": _("Thêm"), "change": _("Sửa"), "delete": _("Xóa"), "view": _("Xem")}
HIDDEN_PERMISSION_APPS = ("otp_totp", "otp_static")  # devices are reset by an action, never granted


def permission_label(permission) -> str:
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is None:
        return permission.name
    opts = model._meta
    if action in PERMISSION_ACTIONS and model_name == opts.model_name:
        name = f"{PERMISSION_ACTIONS[action]} {opts.verbose_name}"
    else:
        name = permission.name
    return f"{opts.app_config.verbose_name} | {opts.verbose_name} | {name}"


class VietnamesePermissionsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.related_model is Permission and field is not None:
            field.queryset = field.queryset.exclude(content_type__app_label__in=HIDDEN_PERMISSION_APPS)
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(Group)
class RoleAdmin(VietnamesePermissionsMixin, GroupAdmin):
    pass


@admin.register(User)
class StaffUserAdmin(VietnamesePermissionsMixin, UserAdmin):
    """Django's account admin, with whether each person has enrolled a second factor and a reset action."""

    list_display = [*UserAdmin.list_display, "two_factor"]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(two_factor_enrolled=Exists(enrolled))

    @admin.display(description=_("Xác thực hai bước"), boolean=True, ordering="two_factor_enrolled")
    def two_factor(self, obj) -> bool:
        return obj.two_factor_enrolled

    @admin.action(description=_("Đặt lại xác thực hai bước (đăng ký lại ở lần đăng nhập sau)"), permissions=["change"])
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            twofactor.reset(user=user, request=request)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Đã đặt lại xác thực hai bước cho %(n)s tài khoản.",
                "Đã đặt lại xác thực hai bước cho %(n)s tài khoản.",
                count,
            )
            % {"n": count},
            messages.SUCCESS,
        )
