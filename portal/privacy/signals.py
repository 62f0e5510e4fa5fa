"""The cached current policy is dropped whenever a version is saved (published) or deleted."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import PrivacyPolicy


@receiver([post_save, post_delete], sender=PrivacyPolicy)
def forget_current_policy(**kwargs):
    cache.delete(PrivacyPolicy.CACHE_KEY)
