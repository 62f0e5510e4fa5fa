"""Related news ("Tin liên quan"): pinned by an editor first, then ranked by ``ArticleQuerySet.related_to``.

Cached per article for ``CACHE_SECONDS`` under a key holding the articles' *generation*, a number that
``news.signals`` bumps whenever any article, its themes, campaigns, tags or pinned links change, or an article is
deleted: a publication, an edit or a withdrawal makes every cached list stale at once, without finding which
lists it appears in. A scheduled article whose time comes has no save to announce it, so it joins the lists
within ``CACHE_SECONDS``.
"""

import time

from django.core.cache import cache
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

RELATED_LIMIT = 6
CACHE_SECONDS = 15 * 60
GENERATION_KEY = "news:articles:generation"


class RelatedArticle(models.Model):
    """An article an editor pinned under another's "Tin liên quan", in the editor's order."""

    article = models.ForeignKey(
        "news.Article", models.CASCADE, related_name="related_links", verbose_name=_("bài viết")
    )
    related = models.ForeignKey(
        "news.Article", models.CASCADE, related_name="pinned_in", verbose_name=_("bài liên quan")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("tin liên quan chọn tay")
        verbose_name_plural = _("tin liên quan chọn tay")
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_article_once"),
            models.CheckConstraint(condition=~Q(article=F("related")), name="related_article_not_itself"),
        ]

    def __str__(self):
        return str(self.related_id)


def generation() -> int:
    """The current articles' generation; starts from the clock so an evicted counter never reuses old keys."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        value = cache.get(GENERATION_KEY) or 0
    return value


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (evicted or never read): any new value makes the old keys unreachable
        cache.set(GENERATION_KEY, time.time_ns() // 1000, None)


def compute_related(article, limit: int = RELATED_LIMIT) -> list:
    """Pinned published articles in the editor's order, then the ranked ones: two queries at most."""
    from .models import Article

    pinned = list(
        Article.objects.published()
        .for_listing()
        .filter(pinned_in__article=article)
        .exclude(pk=article.pk)
        .order_by("pinned_in__position", "pinned_in__id")[:limit]
    )
    if len(pinned) < limit:
        ranked = Article.objects.related_to(article).exclude(pk__in=[a.pk for a in pinned])
        pinned += list(ranked[: limit - len(pinned)])
    return pinned


def related_articles(article, limit: int = RELATED_LIMIT) -> list:
    """``compute_related``, cached until any article changes (no query at all when cached)."""
    key = f"news:related:{generation()}:{article.pk}:{limit}"
    items = cache.get(key)
    if items is None:
        items = compute_related(article, limit)
        cache.set(key, items, CACHE_SECONDS)
    return items
