"""Demo readership and editors' links: what makes "Xem nhiều nhất" (7 and 30 days), the footer's visit counter,
the pinned "Tin liên quan" and the links from articles to emulation records look like a portal in use.

Called by ``seed_demo`` after the articles and emulation records. Safe to run twice: daily figures are only added
for days that have none, pins and links are ``get_or_create``/``add``. Figures are deterministic (seeded by the
article's slug and the day), so two runs on the same day give the same numbers.
"""

import datetime
import math
import random

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from campaigns.models import Award, Exemplar, GoodModel, Theme
from news.comments.models import Comment
from news.models import Article, RelatedArticle
from news.related import bump_generation
from news.viewcounts import ArticleDailyViews
from portal.visits import COUNTERS_CACHE_KEY, SiteVisitDay

DAYS = 45
READ_ARTICLES = 40  # the most recent articles get daily figures; older ones are not read any more

# (article whose title contains..., [articles pinned under it, by a phrase of their title])
PINS = [
    ("Nụ cười tiếp dân", ["Tổng kết 5 năm thực hiện Kết luận 01-KL/TW", "Sơ kết 2 năm thực hiện Kết luận 01-KL/TW"]),
    ("Lê Hoàng Phúc", ["Sơ kết 2 năm thực hiện Kết luận 01-KL/TW", "Tổng kết 5 năm thực hiện Kết luận 01-KL/TW"]),
    ("Tổng kết 5 năm thực hiện Kết luận 01-KL/TW", ["Nụ cười tiếp dân", "Lê Hoàng Phúc", "năm 2026"]),
    ("năm 2026", ["Tổng kết 5 năm thực hiện Kết luận 01-KL/TW", "chuyên đề về ý chí tự lực"]),
    ("Ra mắt cổng thông tin", ["năm 2026", "Tổng kết 5 năm thực hiện Kết luận 01-KL/TW"]),
]

# (article whose title contains..., words naming the good models / exemplars / awards it reports)
RECORD_LINKS = [
    ("Nụ cười tiếp dân", {"good_models": ["Nụ cười tiếp dân"], "awards": ["Nụ cười tiếp dân"]}),
    ("Tổng kết 5 năm thực hiện Kết luận 01-KL/TW", {"good_models": [""], "exemplars": [""], "awards": [""]}),
    ("Sơ kết 2 năm thực hiện Kết luận 01-KL/TW", {"exemplars": [""], "awards": [""]}),
]

# readers' comments (approved) on a few articles besides the newest one that seed_demo's surroundings comment on
COMMENTS = [
    (
        "Nụ cười tiếp dân",
        [
            (
                "Lê Thị Kim Ngân",
                "Tôi đến nộp hồ sơ đăng ký biến động đất đai tháng trước, được hướng dẫn rất tận tình.",
            ),
            ("Phan Văn Lợi", "Mong mô hình được nhân rộng ra bộ phận một cửa cấp huyện để người dân đỡ đi lại."),
        ],
    ),
    (
        "Lê Hoàng Phúc",
        [
            ("Nguyễn Thanh Tùng", "Anh Phúc từng đo đạc đất cho gia đình tôi ở Cần Giuộc, làm việc rất chu đáo."),
        ],
    ),
]

THEMES_BY_TITLE = [("năm 2026", 2026), ("2025", 2025)]

# the department's 2026 theme (digital transformation) and the records that answer it
THEME_2026_RECORDS = {"good_models": ["Một cửa điện tử"], "exemplars": ["Lê Minh Tâm"]}


def _first(title_part: str):
    return Article.objects.published().filter(title__icontains=title_part).order_by("-published_at").first()


def _records(model, words: list[str], limit: int = 3):
    query = Q()
    for word in words:
        if model is Award:
            query |= (
                Q(exemplar__name__icontains=word)
                | Q(good_model__name__icontains=word)
                | Q(unit__name__icontains=word)
                | Q(reason__icontains=word)
            )
        else:
            query |= Q(name__icontains=word)
    return list(model.objects.filter(query).order_by("pk")[:limit])


def seed_daily_views(today: datetime.date) -> int:
    """Views per day for the last ``DAYS`` days: a peak on publication fading over a week, then a trickle."""
    first = today - datetime.timedelta(days=DAYS - 1)
    articles = list(Article.objects.published().order_by("-published_at", "-id")[:READ_ARTICLES])
    existing = set(
        ArticleDailyViews.objects.filter(article__in=articles, day__gte=first).values_list("article_id", "day")
    )
    rows = []
    for rank, article in enumerate(articles):
        published = timezone.localdate(article.published_at)
        popularity = 1.0 + 2.5 * math.exp(-rank / 6)  # the newest articles are the most read
        for offset in range(DAYS):
            day = first + datetime.timedelta(days=offset)
            if day < published or (article.pk, day) in existing:
                continue
            rng = random.Random(f"{article.slug}:{day.isoformat()}")  # demo figures, not security
            age = (day - published).days
            peak = 420 * popularity * math.exp(-age / 3)
            trickle = rng.uniform(6, 22) * popularity * (1.3 if day.weekday() < 5 else 0.6)
            rows.append(ArticleDailyViews(article=article, day=day, views=int(peak + trickle)))
    ArticleDailyViews.objects.bulk_create(rows, ignore_conflicts=True)
    # the all-time figure can never be below what the days add up to
    for article in articles:
        total = sum(ArticleDailyViews.objects.filter(article=article).values_list("views", flat=True))
        if article.view_count < total:
            Article.objects.filter(pk=article.pk).update(view_count=total + article.view_count)
    return len(rows)


def seed_site_visits(today: datetime.date) -> int:
    """Distinct visitors per day for the last ``DAYS`` days: busier on weekdays, slowly growing."""
    existing = set(SiteVisitDay.objects.filter(day__gt=today - datetime.timedelta(days=DAYS)).values_list("day"))
    rows = []
    for offset in range(DAYS):
        day = today - datetime.timedelta(days=offset)
        if (day,) in existing:
            continue
        rng = random.Random(f"visits:{day.isoformat()}")  # demo figures, not security
        base = 1400 if day.weekday() < 5 else 650
        rows.append(SiteVisitDay(day=day, visits=int(base * (1 - offset / 200) * rng.uniform(0.85, 1.15))))
    SiteVisitDay.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def seed_pins() -> int:
    created = 0
    for title, pinned in PINS:
        article = _first(title)
        if article is None:
            continue
        for position, other_title in enumerate(pinned):
            other = _first(other_title)
            if other is None or other.pk == article.pk:
                continue
            created += RelatedArticle.objects.get_or_create(
                article=article, related=other, defaults={"position": position}
            )[1]
    return created


def seed_record_links() -> int:
    linked = 0
    for title, relations in RECORD_LINKS:
        article = _first(title)
        if article is None:
            continue
        for field, words in relations.items():
            model = {"good_models": GoodModel, "exemplars": Exemplar, "awards": Award}[field]
            records = _records(model, words)
            manager = getattr(article, field)
            missing = [r for r in records if not manager.filter(pk=r.pk).exists()]
            manager.add(*missing)
            linked += len(missing)
    for title, year in THEMES_BY_TITLE:
        article = _first(title)
        theme = Theme.objects.filter(campaign__code="01-KL/TW", scope="dang-bo", year_start=year).first()
        if article is not None and theme is not None and not article.themes.filter(pk=theme.pk).exists():
            article.themes.add(theme)
            linked += 1
    theme = Theme.objects.filter(campaign__code="01-KL/TW", scope="dang-bo", year_start=2026).first()
    if theme is not None:
        for field, words in THEME_2026_RECORDS.items():
            model = {"good_models": GoodModel, "exemplars": Exemplar}[field]
            manager = getattr(theme, field)
            missing = [r for r in _records(model, words) if not manager.filter(pk=r.pk).exists()]
            manager.add(*missing)
            linked += len(missing)
    return linked


def seed_comments() -> int:
    created = 0
    for title, comments in COMMENTS:
        article = _first(title)
        if article is None or article.comments.exists():
            continue
        for n, (name, text) in enumerate(comments):
            comment = Comment.objects.create(
                article=article, name=name, email="bandoc@example.vn", text=text, status=Comment.Status.APPROVED
            )
            # sent in the days after publication, not all in the minute the demo was seeded
            sent = min(article.published_at + datetime.timedelta(days=n + 1, hours=3 * n + 2), timezone.now())
            Comment.objects.filter(pk=comment.pk).update(created_at=sent, moderated_at=sent)
            created += 1
    return created


@transaction.atomic
def seed(*, stdout) -> None:
    today = timezone.localdate()
    views = seed_daily_views(today)
    visits = seed_site_visits(today)
    pins = seed_pins()
    links = seed_record_links()
    comments = seed_comments()
    cache.delete(COUNTERS_CACHE_KEY)
    cache.delete_many([f"news:most-viewed:{limit}:" for limit in (5, 6, 8, 10)])
    bump_generation()
    stdout.write(
        f"Dữ liệu mẫu lượt đọc: {views} số liệu lượt xem theo ngày, {visits} ngày lượt truy cập, "
        f"{pins} tin liên quan chọn tay, {links} liên kết bài viết với hồ sơ thi đua, chuyên đề, "
        f"{comments} bình luận."
    )
