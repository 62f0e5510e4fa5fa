"""Categories, slogans and the demo's articles, from ``data/categories.json`` and ``data/articles.json``.

An article is the demo's when its slug is one the data file gives; it is created once and never rewritten, so an
editor's changes to a demo article survive the next ``seed_demo``.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape

from portal.demo.data import Seeding, load
from portal.demo.images import cover_jpeg
from portal.demo.tables import Article, Campaign, Category, Slogan, Theme

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def body_html(parts: list) -> str:
    html = []
    for part in parts:
        if isinstance(part, dict) and "quote" in part:
            html.append(f"<blockquote><p>{escape(part['quote'])}</p></blockquote>")
        elif isinstance(part, dict) and "heading" in part:
            html.append(f"<h2>{escape(part['heading'])}</h2>")
        else:
            html.append(f"<p>{escape(part)}</p>")
    return "\n".join(html)


def seed_categories(seeding: Seeding) -> dict[str, Category]:
    categories = {}
    for position, entry in enumerate(load("categories")["categories"]):
        categories[entry["slug"]] = seeding.get_or_create(
            Category,
            entry["slug"],
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "parent": categories.get(entry["parent"]),
                "description": entry["description"],
                "position": position,
            },
        )
    return categories


def seed_slogans(seeding: Seeding) -> None:
    for position, text in enumerate(load("categories")["slogans"]):
        seeding.get_or_create(Slogan, text, text=text, defaults={"position": position})


def _view_count(index: int, published_at: datetime.datetime) -> int:
    """An all-time count that grows with age, with a few articles far above the rest (demo figures, no security)."""
    rng = random.Random(index)
    age_days = max(1, (datetime.datetime.now(TZ) - published_at).days)
    views = int(rng.randint(60, 400) + min(age_days, 2000) * rng.uniform(0.3, 3.5))
    return views * 12 if rng.random() < 0.08 else views


def _new_article(index: int, item: dict, categories: dict[str, Category]) -> Article:
    published_at = datetime.datetime.strptime(item["published"], "%Y-%m-%d %H:%M").replace(tzinfo=TZ)
    draft = item.get("draft", False)
    return Article(
        slug=item["slug"],
        title=item["title"],
        lead=item["lead"],
        body=body_html(item["body"]),
        category=categories[item["category"]],
        author_name=item.get("author", ""),
        source=item.get("source", ""),
        cover_caption=item.get("image_caption", ""),
        is_featured=item.get("featured", False),
        status=Article.Status.DRAFT if draft else Article.Status.PUBLISHED,
        published_at=published_at,
        view_count=0 if draft else _view_count(index, published_at),
    )


def seed_article(seeding: Seeding, index: int, item: dict, links: dict) -> bool:
    """Create the article ``item`` names by slug unless it exists; return whether it was created."""
    if Article.objects.filter(slug=item["slug"]).exists():
        return False
    article = _new_article(index, item, links["categories"])
    if seeding.with_files:
        article.cover.save(f"bai-viet-{index + 1}.jpg", ContentFile(cover_jpeg(index)), save=False)
    article.save()
    seeding.note(article, article.slug)
    article.tags.set(item.get("tags", []))
    article.campaigns.set([links["campaigns"][code] for code in item.get("campaigns", [])])
    article.themes.set([links["themes"][key] for key in item.get("themes", [])])
    return True


def seed(seeding: Seeding, links: dict, *, stdout, verbosity: int = 1) -> str:
    """Categories, slogans and articles; ``links`` holds the campaigns and themes by key. Returns the summary."""
    with transaction.atomic():
        links = {**links, "categories": seed_categories(seeding)}
        seed_slogans(seeding)
    created = 0
    for index, item in enumerate(load("articles")["articles"]):
        with transaction.atomic():  # one article at a time: a failure keeps the ones before it
            if seed_article(seeding, index, item, links):
                created += 1
                if verbosity > 1:
                    stdout.write(f"  + {item['title']}")
    return (
        f"Dữ liệu mẫu: {created} bài viết mới, tổng cộng {Article.objects.count()} bài, "
        f"{Campaign.objects.count()} chương trình, {Theme.objects.count()} chuyên đề."
    )
