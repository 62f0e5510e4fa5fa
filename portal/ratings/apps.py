from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    """ "Thông tin này có hữu ích không?": readers rate articles and service pages from 1 to 5 (NĐ 42/2022)."""

    name = "portal.ratings"
    label = "ratings"
    verbose_name = _("Đánh giá mức độ hài lòng")

    def ready(self):
        from news import article_blocks

        article_blocks.register("ratings/includes/article_block.html")  # under each article, before comments
