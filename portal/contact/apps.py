from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "portal.contact"
    label = "contact"
    verbose_name = _("Liên hệ")

    def ready(self):
        from portal.privacy import registry

        from . import personal_data

        registry.register(personal_data.SOURCE)
