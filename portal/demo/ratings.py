"""Demo satisfaction ratings ("Thông tin này có hữu ích không?") from ``data/ratings.json``, so the statistics page
has figures: a few for the newest demo articles and the service pages listed there.

Each demo rating has a visitor key of its own ("demo" and a number), and a page takes each key once (the database's
constraint), so a second run adds nothing. Scores are deterministic (seeded by the page).
"""

import random

from portal.demo.data import article_slugs, load
from portal.demo.tables import Article, Rating


def seed() -> str:
    data = load("ratings")
    articles = Article.objects.published().filter(slug__in=article_slugs()).order_by("-published_at", "-id")
    targets = [(a.get_absolute_url(), a.title, a) for a in articles[: data["newest_articles"]]]
    targets += [(page["page"], page["title"], None) for page in data["pages"]]
    rows = []
    for page, title, article in targets:
        rng = random.Random(page)  # demo figures, not security
        for n in range(rng.randint(4, len(data["scores"]))):
            comment = data["comments"][n % len(data["comments"])] if rng.random() < 0.3 else ""
            rows.append(
                Rating(
                    page=page,
                    title=title,
                    article=article,
                    score=rng.choice(data["scores"]),
                    comment=comment,
                    visitor_key=f"demo{n:028d}",
                )
            )
    made = Rating.objects.bulk_create(rows, ignore_conflicts=True)
    return f"Dữ liệu mẫu đánh giá mức độ hài lòng: {len(targets)} trang, tối đa {len(made)} lượt đánh giá."
