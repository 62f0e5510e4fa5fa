"""Any change to what readers may see of an article makes the cached related-news lists stale, the stored
monthly counts (``news.counts``) follow the month and category an article leaves and enters, and the stored sitemap
page of a published (or formerly published) article is to be written again (``news.sitemap_pages``)."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from . import counts, related_worker, sitemap_pages
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


@receiver(pre_save, sender=Article)
def remember_counted_key(instance, raw=False, **kwargs):
    """Where the stored article was counted before this save (one small read; saves are an editor's, not a reader's)."""
    if raw or instance.pk is None:
        instance._counted_before = None
        return
    before = Article.objects.filter(pk=instance.pk).values_list("category_id", "status", "published_at").first()
    instance._counted_before = counts.key_of(*before) if before else None
    instance._was_published = bool(before) and before[1] == Article.Status.PUBLISHED


@receiver(post_save, sender=Article)
def recount_saved(instance, raw=False, **kwargs):
    """The monthly counts follow the article; its own related news is recomputed (in the background)."""
    if not raw:
        transaction.on_commit(partial(related_worker.schedule, instance.pk))
        after = counts.key_of(instance.category_id, instance.status, instance.published_at)
        counts.refresh({getattr(instance, "_counted_before", None), after})
        if instance.status == Article.Status.PUBLISHED or getattr(instance, "_was_published", False):
            sitemap_pages.articles_changed([instance.pk])


@receiver(post_delete, sender=Article)
def recount_deleted(instance, **kwargs):
    counts.refresh({counts.key_of(instance.category_id, instance.status, instance.published_at)})
    if instance.status == Article.Status.PUBLISHED:
        sitemap_pages.articles_changed([instance.pk])
