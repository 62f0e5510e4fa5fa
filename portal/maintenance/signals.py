"""A saved or deleted downtime clears the cached rows, so the banner changes on the next page."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CACHE_KEY, Maintenance


@receiver(post_save, sender=Maintenance)
@receiver(post_delete, sender=Maintenance)
def forget_upcoming(sender, **kwargs):
    cache.delete(CACHE_KEY)
