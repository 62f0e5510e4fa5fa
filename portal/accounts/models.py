"""The audit log of staff accounts: sign-ins, failures, lockouts, password changes, roles and permissions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    def about(self, name: str):
        """The events that concern the account or group called ``name``, newest first."""
        return self.filter(target=name).order_by("-at", "-id")


class AuditEvent(models.Model):
    """One event, written by ``portal.accounts.signals`` and never changed (the admin shows it read-only)."""

    class Action(models.TextChoices):
        LOGIN = "login", _("Đăng nhập")
        LOGOUT = "logout", _("Đăng xuất")
        LOGIN_FAILED = "login_failed", _("Đăng nhập sai")
        LOCKED_OUT = "locked_out", _("Bị khóa đăng nhập")
        UNLOCKED = "unlocked", _("Mở khóa đăng nhập")
        PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
        GROUPS_CHANGED = "groups_changed", _("Đổi vai trò (nhóm) của tài khoản")
        USER_PERMISSIONS_CHANGED = "user_permissions_changed", _("Đổi quyền riêng của tài khoản")
        GROUP_PERMISSIONS_CHANGED = "group_permissions_changed", _("Đổi quyền của nhóm")
        FLAGS_CHANGED = "flags_changed", _("Đổi quyền quản trị của tài khoản")
        TWO_FACTOR_ENROLLED = "2fa_enrolled", _("Đăng ký xác thực hai bước")
        TWO_FACTOR_VERIFIED = "2fa_verified", _("Nhập đúng mã xác thực hai bước")
        TWO_FACTOR_FAILED = "2fa_failed", _("Nhập sai mã xác thực hai bước")
        TWO_FACTOR_RESET = "2fa_reset", _("Đặt lại xác thực hai bước")

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    action = models.CharField(_("sự kiện"), max_length=32, choices=Action.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text as well, so the log still names a person after their account is deleted.
    actor_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    target = models.CharField(_("tài khoản hoặc nhóm"), max_length=255, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện tài khoản")
        verbose_name_plural = _("nhật ký tài khoản")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.target}"
