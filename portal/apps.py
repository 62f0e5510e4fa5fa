from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from . import signals, timed_content  # noqa: F401

        timed_content.register()
