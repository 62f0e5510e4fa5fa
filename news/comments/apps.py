from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "news.comments"
    label = "comments"
    verbose_name = _("Bình luận của bạn đọc")

    def ready(self):
        from news import article_blocks
        from portal.privacy import registry

        from . import personal_data, signals  # noqa: F401

        article_blocks.register("comments/includes/article_block.html")  # "Bình luận" under each article
        registry.register(personal_data.SOURCE)
