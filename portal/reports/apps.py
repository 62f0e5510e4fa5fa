from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The leadership report and the statistics page, in the admin: figures read from news, campaigns and views."""

    name = "portal.reports"
    label = "reports"
    verbose_name = _("Báo cáo, thống kê")
