from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Tin tức")

    def ready(self):
        from campaigns import linked

        from . import library_use, signals  # noqa: F401
        from .linked_articles import ARTICLES

        linked.register(ARTICLES)  # the movement's pages list the articles linked to them
