"""Cache invalidation for comment settings and blocked words: each save or delete clears its cached copy."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .comments import BlockedWord, CommentSettings


@receiver([post_save, post_delete], sender=BlockedWord)
def clear_blocked_words(**kwargs):
    cache.delete(BlockedWord.CACHE_KEY)


@receiver([post_save, post_delete], sender=CommentSettings)
def clear_comment_settings(**kwargs):
    cache.delete(CommentSettings.CACHE_KEY)
