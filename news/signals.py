"""Any change to what readers may see of an article makes the cached related-news lists stale."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Article, RelatedArticle, TaggedArticle
from .related import bump_generation


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=TaggedArticle)
@receiver([post_save, post_delete], sender=RelatedArticle)
def article_changed(**kwargs):
    bump_generation()


@receiver(m2m_changed, sender=Article.themes.through)
@receiver(m2m_changed, sender=Article.campaigns.through)
def article_links_changed(action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        bump_generation()
