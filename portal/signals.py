"""Cache invalidation for the menu: a category, campaign or theme saved or deleted clears it."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from campaigns.models import Campaign, Theme
from news.models import Category

from .context_processors import MENU_CACHE_KEY


@receiver([post_save, post_delete], sender=Category)
@receiver([post_save, post_delete], sender=Campaign)
@receiver([post_save, post_delete], sender=Theme)
def clear_menu(**kwargs):
    cache.delete(MENU_CACHE_KEY)
