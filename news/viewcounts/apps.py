from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ViewcountsConfig(AppConfig):
    """Article views: what counts once, the daily figures, the Redis buffer and `flush_views`."""

    name = "news.viewcounts"
    label = "viewcounts"
    verbose_name = _("Lượt xem")
