"""Comment housekeeping: cached settings and blocked words cleared on change; files removed with their comment."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import BlockedWord, Comment, CommentSettings


@receiver([post_save, post_delete], sender=BlockedWord)
def clear_blocked_words(**kwargs):
    cache.delete(BlockedWord.CACHE_KEY)


@receiver([post_save, post_delete], sender=CommentSettings)
def clear_comment_settings(**kwargs):
    cache.delete(CommentSettings.CACHE_KEY)


@receiver(post_delete, sender=Comment)
def delete_attachment_file(instance, **kwargs):
    """A deleted comment (or one whose article is deleted) takes its private file with it."""
    if instance.attachment.name:
        instance.attachment.storage.delete(instance.attachment.name)
