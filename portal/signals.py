"""Cache invalidation for the site-wide parts: each save or delete clears the cached block it feeds."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from campaigns.models import Campaign, Theme
from news.models import Category

from . import site_parts
from .context_processors import MENU_CACHE_KEY
from .models import Slogan
from .polls import Poll, PollChoice
from .site_parts import BannerLink, Video, WebLink


@receiver([post_save, post_delete], sender=Slogan)
def clear_slogans(**kwargs):
    cache.delete(Slogan.CACHE_KEY)


@receiver([post_save, post_delete], sender=Category)
@receiver([post_save, post_delete], sender=Campaign)
@receiver([post_save, post_delete], sender=Theme)
def clear_menu(**kwargs):
    cache.delete(MENU_CACHE_KEY)


@receiver([post_save, post_delete], sender=Poll)
@receiver([post_save, post_delete], sender=PollChoice)
def clear_current_poll(**kwargs):
    cache.delete(Poll.CACHE_KEY)


@receiver([post_save, post_delete], sender=BannerLink)
@receiver([post_save, post_delete], sender=WebLink)
@receiver([post_save, post_delete], sender=Video)
def clear_site_parts(**kwargs):
    cache.delete(site_parts.CACHE_KEY)
