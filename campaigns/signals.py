"""Cached blocks of the movement's pages dropped when what they show changes."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import AwardProposal
from .models.proposals import OPEN_CACHE_KEY


@receiver([post_save, post_delete], sender=AwardProposal)
def forget_open_proposals(**kwargs):
    cache.delete(OPEN_CACHE_KEY)
