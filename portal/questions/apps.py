from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "portal.questions"
    label = "questions"
    verbose_name = _("Hỏi đáp – Góp ý")

    def ready(self):
        from portal.privacy import registry

        from . import personal_data, signals  # noqa: F401

        registry.register(personal_data.SOURCE)
