from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitorsConfig(AppConfig):
    """Who a visitor is (cookie, address, bots), site visits per day and who is online."""

    name = "portal.visitors"
    label = "visitors"
    verbose_name = _("Lượt truy cập")
