from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitePartsConfig(AppConfig):
    name = "portal.site_parts"
    label = "site_parts"
    verbose_name = _("Thành phần trang")

    def ready(self):
        from . import signals  # noqa: F401
