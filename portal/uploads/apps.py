from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """Files people upload: what a file really is, the checks every picture passes, storage that writes whole files,
    and admin saves that a full disk or a unique constraint refuses shown as form errors. Imports no other app."""

    name = "portal.uploads"
    label = "uploads"
    verbose_name = _("Tệp tải lên")
