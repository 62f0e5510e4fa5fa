from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "portal.polls"
    label = "polls"
    verbose_name = _("Khảo sát bạn đọc")

    def ready(self):
        from . import signals  # noqa: F401
