from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """Backups: ``manage.py backup DIR`` and ``manage.py restore DIR`` (database, media, private files)."""

    name = "portal.backups"
    label = "backups"
    verbose_name = _("Sao lưu")
