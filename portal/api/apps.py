from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read-only JSON API (/api/): what readers may see, as structured data for other systems. No models."""

    name = "portal.api"
    label = "api"
    verbose_name = _("API dữ liệu mở")
