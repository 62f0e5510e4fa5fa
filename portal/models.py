"""What the site shows around the news."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _


class SloganQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Slogan(models.Model):
    """A line of the running banner of slogans at the top of every page."""

    CACHE_KEY = "portal:slogans"

    text = models.CharField(_("khẩu hiệu"), max_length=300)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("hiển thị"), default=True)

    objects = SloganQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("khẩu hiệu")
        verbose_name_plural = _("khẩu hiệu")

    def __str__(self):
        return self.text

    @classmethod
    def cached_texts(cls) -> list[str]:
        """The active slogans, cached until one of them changes (see portal.signals)."""
        texts = cache.get(cls.CACHE_KEY)
        if texts is None:
            texts = list(cls.objects.active().values_list("text", flat=True))
            cache.set(cls.CACHE_KEY, texts, 60 * 60)
        return texts


# Polls and the site-wide parts live in their own modules; importing them here registers the models.
from .polls import Poll, PollChoice, PollVote  # noqa: E402, F401
from .site_parts import BannerLink, Video, WebLink  # noqa: E402, F401
