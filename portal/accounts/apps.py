from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts: the audit log of sign-ins and role changes, idle sessions, the login lockout's admin."""

    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản, nhật ký")
    default = True

    def ready(self):
        from . import signals  # noqa: F401


class LoginLockoutConfig(AxesAppConfig):
    """django-axes (failed logins and lockouts) under a Vietnamese name in the admin."""

    verbose_name = _("Khóa đăng nhập")
