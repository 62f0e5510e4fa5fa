"""Demo readership and editors' links, from ``data/activity.json``: what makes "Xem nhiều nhất" (7 and 30 days),
the footer's visit counter, the pinned "Tin liên quan", the links from articles to emulation records and a few
readers' comments look like a portal in use.

Runs after the articles and emulation records. Daily figures are added only for demo articles and only for days
that have none; pins, links and comments only where this run created one of their ends. Figures are deterministic
(seeded by the article's slug and the day), so two runs on the same day give the same numbers.
"""

import datetime
import math
import random
from operator import attrgetter

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from news.related import bump_generation
from portal.demo.campaigns import find_themes
from portal.demo.data import Seeding, article_slugs, load
from portal.demo.emulation import key_of_award
from portal.demo.tables import (
    Article,
    ArticleDailyViews,
    Award,
    Comment,
    Exemplar,
    GoodModel,
    RelatedArticle,
    SiteVisitDay,
    Theme,
)
from portal.visitors.visits import COUNTERS_CACHE_KEY


def seed_daily_views(today: datetime.date, *, days: int, read: int) -> int:
    """Views per day for the last ``days`` days of the ``read`` newest demo articles: a peak on publication fading
    over a week, then a trickle. An article's all-time count is raised to at least what its days add up to."""
    first = today - datetime.timedelta(days=days - 1)
    demo = Article.objects.published().filter(slug__in=article_slugs())
    articles = list(demo.order_by("-published_at", "-id")[:read])
    existing = set(
        ArticleDailyViews.objects.filter(article__in=articles, day__gte=first).values_list("article_id", "day")
    )
    rows = []
    for rank, article in enumerate(articles):
        published = timezone.localdate(article.published_at)
        popularity = 1.0 + 2.5 * math.exp(-rank / 6)  # the newest articles are the most read
        for offset in range(days):
            day = first + datetime.timedelta(days=offset)
            if day < published or (article.pk, day) in existing:
                continue
            rng = random.Random(f"{article.slug}:{day.isoformat()}")  # demo figures, not security
            peak = 420 * popularity * math.exp(-(day - published).days / 3)
            trickle = rng.uniform(6, 22) * popularity * (1.3 if day.weekday() < 5 else 0.6)
            rows.append(ArticleDailyViews(article=article, day=day, views=int(peak + trickle)))
    ArticleDailyViews.objects.bulk_create(rows, ignore_conflicts=True)
    for article in articles:
        total = sum(ArticleDailyViews.objects.filter(article=article).values_list("views", flat=True))
        if article.view_count < total:
            Article.objects.filter(pk=article.pk).update(view_count=total + article.view_count)
    return len(rows)


def seed_site_visits(today: datetime.date, *, days: int) -> int:
    """Distinct visitors per day for the last ``days`` days that have none: busier on weekdays, slowly growing."""
    existing = set(SiteVisitDay.objects.filter(day__gt=today - datetime.timedelta(days=days)).values_list("day"))
    rows = []
    for offset in range(days):
        day = today - datetime.timedelta(days=offset)
        if (day,) in existing:
            continue
        rng = random.Random(f"visits:{day.isoformat()}")  # demo figures, not security
        base = 1400 if day.weekday() < 5 else 650
        rows.append(SiteVisitDay(day=day, visits=int(base * (1 - offset / 200) * rng.uniform(0.85, 1.15))))
    SiteVisitDay.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def seed_pins(seeding: Seeding, articles: dict[str, Article]) -> int:
    """Related news pinned by hand, between demo articles only."""
    created = 0
    for entry in load("activity")["pins"]:
        article = articles.get(entry["article"])
        for pin in entry["related"]:
            related = articles.get(pin["article"])
            if (
                article is None
                or related is None
                or not seeding.made_any((Article, article.slug), (Article, related.slug))
            ):
                continue
            created += RelatedArticle.objects.get_or_create(
                article=article, related=related, defaults={"position": pin["position"]}
            )[1]
    return created


def _add(seeding: Seeding, manager, rows: list, key_of, *ends: tuple) -> int:
    """Add to ``manager`` the rows not linked yet, when this run created the holder or the row."""
    missing = [
        row
        for row in rows
        if seeding.made_any(*ends, (type(row), key_of(row))) and not manager.filter(pk=row.pk).exists()
    ]
    manager.add(*missing)
    return len(missing)


def _records(model, slugs: list[str]) -> list:
    found = model.objects.in_bulk(slugs, field_name="slug")
    return [found[slug] for slug in slugs if slug in found]


def _awards(keys: list[str]) -> list[Award]:
    awards = Award.objects.select_related("good_model", "exemplar", "unit")
    numbers = [key.split(":", 1)[0] for key in keys]
    by_key = {key_of_award(award): award for award in awards.filter(decision_number__in=numbers)}
    return [by_key[key] for key in keys if key in by_key]


def seed_record_links(seeding: Seeding, articles: dict[str, Article]) -> int:
    """Articles linked by hand to the records and themes they report on; themes to the records that answer them."""
    data, themes, linked = load("activity"), find_themes(), 0
    slug = attrgetter("slug")
    for entry in data["record_links"]:
        article = articles.get(entry["article"])
        if article is None:
            continue
        end = (Article, article.slug)
        linked += _add(seeding, article.good_models, _records(GoodModel, entry.get("good_models", [])), slug, end)
        linked += _add(seeding, article.exemplars, _records(Exemplar, entry.get("exemplars", [])), slug, end)
        linked += _add(seeding, article.awards, _awards(entry.get("awards", [])), key_of_award, end)
    keys = {theme.pk: key for key, theme in themes.items()}
    for entry in data["article_themes"]:
        article, theme = articles.get(entry["article"]), themes.get(entry["theme"])
        if article is not None and theme is not None:
            end = (Article, article.slug)
            linked += _add(seeding, article.themes, [theme], lambda row: keys[row.pk], end)
    for entry in data["theme_records"]:
        theme = themes.get(entry["theme"])
        if theme is not None:
            end = (Theme, entry["theme"])
            linked += _add(seeding, theme.good_models, _records(GoodModel, entry["good_models"]), slug, end)
            linked += _add(seeding, theme.exemplars, _records(Exemplar, entry["exemplars"]), slug, end)
    return linked


def seed_comments(seeding: Seeding, articles: dict[str, Article]) -> int:
    """Approved readers' comments under demo articles this run created, dated in the days after publication."""
    created = 0
    for entry in load("activity")["comments"]:
        article = articles.get(entry["article"])
        if article is None or not seeding.made(Article, article.slug):
            continue
        for n, comment in enumerate(entry["comments"]):
            row = Comment.objects.create(
                article=article,
                name=comment["name"],
                email="bandoc@example.vn",
                text=comment["text"],
                status=Comment.Status.APPROVED,
            )
            # sent in the days after publication, not all in the minute the demo was seeded
            sent = min(article.published_at + datetime.timedelta(days=n + 1, hours=3 * n + 2), timezone.now())
            Comment.objects.filter(pk=row.pk).update(created_at=sent, moderated_at=sent)
            created += 1
    return created


@transaction.atomic
def seed(seeding: Seeding) -> str:
    data, today = load("activity"), timezone.localdate()
    articles = Article.objects.in_bulk(article_slugs(), field_name="slug")
    views = seed_daily_views(today, days=data["days"], read=data["read_articles"])
    visits = seed_site_visits(today, days=data["days"])
    pins = seed_pins(seeding, articles)
    links = seed_record_links(seeding, articles)
    comments = seed_comments(seeding, articles)
    cache.delete(COUNTERS_CACHE_KEY)
    cache.delete_many([f"news:most-viewed:{limit}:" for limit in (5, 6, 8, 10)])
    bump_generation()
    return (
        f"Dữ liệu mẫu lượt đọc: {views} số liệu lượt xem theo ngày, {visits} ngày lượt truy cập, "
        f"{pins} tin liên quan chọn tay, {links} liên kết bài viết với hồ sơ thi đua, chuyên đề, "
        f"{comments} bình luận."
    )
