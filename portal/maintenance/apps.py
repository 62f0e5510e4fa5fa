from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaintenanceConfig(AppConfig):
    """Planned downtime, announced on every public page 7 working days ahead (continuity rules for agency portals)."""

    name = "portal.maintenance"
    label = "maintenance"
    verbose_name = _("Bảo trì hệ thống")

    def ready(self):
        from . import signals  # noqa: F401
