from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = _("Bộ đệm trang")

    def ready(self):
        from . import invalidation

        invalidation.connect()
