"""Small builders for test data: make_article(**overrides) and friends."""

import datetime
import itertools

from django.utils import timezone

from campaigns.models import Campaign, Issuer, Theme
from news.models import Article, Category

_counter = itertools.count(1)


def make_issuer(name=None, **overrides) -> Issuer:
    return Issuer.objects.create(name=name or f"Cơ quan {next(_counter)}", **overrides)


def make_campaign(code=None, **overrides) -> Campaign:
    n = next(_counter)
    fields = {
        "code": code or f"{n:02d}-CT/TW",
        "kind": Campaign.Kind.DIRECTIVE,
        "issued_on": datetime.date(2016, 5, 15),
        "title": "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "is_current": True,
    }
    fields.update(overrides)
    fields.setdefault("issuer", make_issuer())
    return Campaign.objects.create(**fields)


def make_theme(campaign=None, year=2019, **overrides) -> Theme:
    fields = {
        "campaign": campaign or make_campaign(),
        "year_start": year,
        "title": f"Chuyên đề năm {year}: xây dựng ý thức tôn trọng Nhân dân",
    }
    fields.update(overrides)
    fields.setdefault("issuer", fields["campaign"].issuer)
    return Theme.objects.create(**fields)


def make_category(name=None, **overrides) -> Category:
    return Category.objects.create(name=name or f"Chuyên mục {next(_counter)}", **overrides)


def make_article(title=None, *, tags=(), campaigns=(), themes=(), **overrides) -> Article:
    n = next(_counter)
    fields = {
        "title": title or f"Đảng ủy Sở học tập và làm theo Bác, bài số {n}",
        "lead": "Sáng nay, Đảng ủy Sở tổ chức hội nghị sơ kết việc học tập và làm theo Bác.",
        "body": "<p>Nội dung bài viết.</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=n),
        "author_name": "T. Hùng",
    }
    fields.update(overrides)
    if "category" not in fields:
        fields["category"] = Category.objects.first() or make_category()
    article = Article.objects.create(**fields)
    if tags:
        article.tags.set(list(tags))
    if campaigns:
        article.campaigns.set(campaigns)
    if themes:
        article.themes.set(themes)
    return article
