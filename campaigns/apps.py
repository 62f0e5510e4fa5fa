from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Chương trình, phong trào")

    def ready(self):
        from portal.privacy import registry

        from . import proposals, signals  # noqa: F401

        registry.register(proposals.PERSONAL_DATA)  # readers' comments on award proposals
