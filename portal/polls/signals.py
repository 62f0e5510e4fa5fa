"""A poll or choice saved or deleted clears the sidebar's cached poll."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Poll, PollChoice


@receiver([post_save, post_delete], sender=Poll)
@receiver([post_save, post_delete], sender=PollChoice)
def clear_current_poll(**kwargs):
    Poll.forget_cached()
