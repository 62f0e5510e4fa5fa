"""Related news ("Tin liên quan"): pinned by an editor first, then ranked by ``ArticleQuerySet.related_to``.

Cached per article for ``CACHE_SECONDS`` under a key holding the articles' *generation*, a number that
``news.signals`` bumps whenever any article, its themes, campaigns, tags or pinned links change, or an article is
deleted: a publication, an edit or a withdrawal makes every cached list stale at once, without finding which
lists it appears in. A scheduled article whose time comes has no save to announce it: the time of the next
scheduled publication is cached beside the generation, and the first read after that moment bumps it, so the
article joins every cached list at its time, not a second earlier.
"""

import time

from django.core.cache import cache
from django.utils import timezone

RELATED_LIMIT = 6
CACHE_SECONDS = 15 * 60
GENERATION_KEY = "news:articles:generation"
NEXT_PUBLICATION_KEY = "news:articles:next-publication"
NO_SCHEDULED = -1.0


def _next_publication() -> float:
    """When the next scheduled article goes public (a timestamp), or NO_SCHEDULED; cached until a change."""
    due = cache.get(NEXT_PUBLICATION_KEY)
    if due is None:
        from .models import Article

        upcoming = Article.objects.scheduled().order_by("published_at").values_list("published_at", flat=True).first()
        due = upcoming.timestamp() if upcoming else NO_SCHEDULED
        cache.set(NEXT_PUBLICATION_KEY, due, None)
    return due


def generation() -> int:
    """The current articles' generation; starts from the clock so an evicted counter never reuses old keys."""
    due = _next_publication()
    if due != NO_SCHEDULED and due <= timezone.now().timestamp():
        bump_generation()  # a scheduled article has just gone public
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        value = cache.get(GENERATION_KEY) or 0
    return value


def bump_generation() -> None:
    cache.delete(NEXT_PUBLICATION_KEY)  # the change may have scheduled, moved or published an article
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (evicted or never read): any new value makes the old keys unreachable
        cache.set(GENERATION_KEY, time.time_ns() // 1000, None)


def _ranked(article, exclude: list[int], limit: int) -> list:
    """The first ``limit`` of ``Article.objects.related_to(article)`` minus ``exclude``, in at most three queries.

    ``related_to`` scores title words on every candidate; on 10,000 articles that is most of the table. Only
    the candidates tied with the last place on theme, campaign and tags can be reordered by title words, so:
    (1) the first ``limit`` by theme, campaign and tags, keys only; (2) the tied group ordered by title words;
    (3) the chosen rows, sorted here by the full key. When fewer than ``limit`` articles share a theme, a
    campaign or a tag, the articles related by title words alone are needed too: ``related_to`` itself, once.
    """
    from .models import Article

    linked = Article.objects.linked_to(article).exclude(pk__in=exclude)
    keys = list(linked.values_list("pk", "same_theme", "same_campaign", "shared_tags")[:limit])
    if len(keys) < limit:
        return list(Article.objects.related_to(article).exclude(pk__in=exclude)[:limit])
    last = keys[-1][1:]
    above = [pk for pk, *key in keys if tuple(key) > last]
    tied = (
        linked.filter(same_theme=last[0], same_campaign=last[1], shared_tags=last[2])
        .with_similar_words_to(article)
        .order_by("-similar_words", "-published_at", "-id")
        .values_list("pk", flat=True)[: limit - len(above)]
    )
    chosen = (
        Article.objects.filter(pk__in=[*above, *tied])
        .with_relatedness_to(article)
        .with_similar_words_to(article)
        .for_listing()
    )
    return sorted(
        chosen,
        key=lambda a: (a.same_theme, a.same_campaign, a.shared_tags, a.similar_words, a.published_at, a.pk),
        reverse=True,
    )


def compute_related(article, limit: int = RELATED_LIMIT) -> list:
    """Pinned published articles in the editor's order, then the ranked ones: four queries at most."""
    from .models import Article

    pinned = list(
        Article.objects.published()
        .for_listing()
        .filter(pinned_in__article=article)
        .exclude(pk=article.pk)
        .order_by("pinned_in__position", "pinned_in__id")[:limit]
    )
    if len(pinned) < limit:
        pinned += _ranked(article, [a.pk for a in pinned], limit - len(pinned))
    return pinned


def related_articles(article, limit: int = RELATED_LIMIT) -> list:
    """``compute_related``, cached until any article changes (no query at all when cached)."""
    key = f"news:related:{generation()}:{article.pk}:{limit}"
    items = cache.get(key)
    if items is None:
        items = compute_related(article, limit)
        cache.set(key, items, CACHE_SECONDS)
    return items
