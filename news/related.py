"""Related news ("Tin liên quan"): pinned by an editor first, then ranked by ``ArticleQuerySet.related_to``.

Cached per article for ``CACHE_SECONDS`` under a key holding the articles' *generation*, a number that
``news.signals`` bumps whenever any article, its themes, campaigns, tags or pinned links change, or an article is
deleted: a publication, an edit or a withdrawal makes every cached list stale at once, without finding which
lists it appears in. A scheduled article whose time comes has no save to announce it: the time of the next
scheduled publication is cached beside the generation, and the first read after that moment bumps it, so the
article joins every cached list at its time, not a second earlier.
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

RELATED_LIMIT = 6
STORED_LIMIT = 20  # how many are computed and stored: a page shows RELATED_LIMIT, the rest stand in for withdrawals
CACHE_SECONDS = 15 * 60
STALE_CACHE_SECONDS = 30  # a list awaiting its recomputation: asked again soon
GENERATION_KEY = "news:articles:generation"
NEXT_PUBLICATION_KEY = "news:articles:next-publication"
NO_SCHEDULED = -1.0


def next_publication() -> float:
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
    due = next_publication()
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


def refresh_related(article_id: int, limit: int = STORED_LIMIT) -> list[int] | None:
    """Compute an article's related news and store it (``StoredRelated``); None when the article is gone."""
    from .models import Article, StoredRelated

    article = Article.objects.filter(pk=article_id).only("id", "title").first()
    if article is None:
        return None
    current = generation()
    ids = [a.pk for a in compute_related(article, limit)]
    # One upsert statement: no row lock held while other processes store the same list.
    StoredRelated.objects.bulk_create(
        [StoredRelated(article_id=article_id, related_ids=ids, generation=current)],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["related_ids", "generation", "computed_at"],
    )
    return ids


def _fallback(article, limit: int) -> list:
    """Before any list is stored: the newest of the article's category (one indexed query, no ranking)."""
    from .models import Article

    return list(Article.objects.latest().filter(category_id=article.category_id).exclude(pk=article.pk)[:limit])


def related_articles(article, limit: int = RELATED_LIMIT) -> list:
    """What a reader sees under an article, never computed while they wait (``RELATED_IN_BACKGROUND``).

    The stored list (``refresh_related``) narrowed to what is still public, so a withdrawn article leaves at once.
    A list missing, or computed before the articles last changed (the generation), is recomputed in the background
    (``news.related_worker``; at most once per ``RELATED_REFRESH_SECONDS`` for a list that exists) and the next
    reader gets it; meanwhile this one gets the stored list, or the category's newest when none is stored yet.
    Cached under the generation: no query; else two.
    """
    from . import related_worker
    from .models import Article, StoredRelated

    current = generation()
    key = f"news:related:{current}:{article.pk}:{limit}"
    items = cache.get(key)
    if items is not None:
        return items
    stored = StoredRelated.objects.filter(article_id=article.pk).first()
    stale = stored is None or stored.generation != current
    if stale and (stored is None or _due(stored)) and related_worker.schedule(article.pk):
        stored = StoredRelated.objects.filter(article_id=article.pk).first()  # computed on the spot (tests)
        stale = stored is None
    if stored is None:
        return _fallback(article, limit)
    by_id = Article.objects.published().for_listing().in_bulk(stored.related_ids)
    items = [by_id[pk] for pk in stored.related_ids if pk in by_id][:limit]
    cache.set(key, items, STALE_CACHE_SECONDS if stale else CACHE_SECONDS)
    return items


def _due(stored) -> bool:
    age = timezone.now() - stored.computed_at
    return not settings.RELATED_IN_BACKGROUND or age > datetime.timedelta(seconds=settings.RELATED_REFRESH_SECONDS)
