from django.utils.translation import gettext_lazy as _

from .articles import Article


class FeaturedArticle(Article):
    """The home page's featured stories as the editors arrange them (the admin's "Tin nổi bật trên trang chủ")."""

    class Meta:
        proxy = True
        verbose_name = _("tin nổi bật trên trang chủ")
        verbose_name_plural = _("Tin nổi bật trên trang chủ")
