"""Search and related-news benchmark at 10,000 articles.

Usage:
    .venv/bin/python bench/search.py [--articles 10000] [--requests 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/search.py

It builds a throwaway database (a temporary SQLite file by default; with DATABASE_URL, that database is emptied
and refilled, so never point it at real data), bulk-inserts the articles (Vietnamese titles, leads and bodies
from a fixed vocabulary, each with a category, a campaign, a theme and tags), then through Django's test client:

- the search page (``/tim-kiem/?q=...``) for a set of queries, with and without diacritics, a phrase, an
  exclusion, a filter and a typo: median and 95th-percentile time, results, SQL queries of one request;
- the article page, related news computed afresh (the cache generation bumped before each request) and cached.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="portal-bench-static-"))
if "DATABASE_URL" not in os.environ:
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3")

UNITS = ["Đảng ủy Sở", "Chi bộ Văn phòng", "Chi bộ Thanh tra", "Đoàn Thanh niên", "Công đoàn Sở", "Chi cục Môi trường"]
ACTIONS = ["tổ chức", "sơ kết", "tổng kết", "triển khai", "quán triệt", "phát động", "tuyên dương", "hưởng ứng"]
TOPICS = [
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "chuyên đề năm về ý chí tự lực, tự cường",
    "phong trào thi đua yêu nước",
    "mô hình Nụ cười tiếp dân",
    "Tổ trợ giúp pháp luật về tài nguyên môi trường",
    "hội thi tìm hiểu pháp luật",
    "quy chế dân chủ ở cơ sở",
    "Nghị quyết Trung ương 4 về xây dựng, chỉnh đốn Đảng",
    "gương điển hình tiên tiến",
    "Dân vận khéo",
    "Kết luận 01-KL/TW của Bộ Chính trị",
    "công tác kiểm tra, giám sát",
]
SENTENCES = [
    "Đồng chí Bí thư Đảng ủy Sở chủ trì hội nghị.",
    "Các chi bộ đã xây dựng kế hoạch cụ thể, gắn với nhiệm vụ chuyên môn.",
    "Nhiều tập thể và cá nhân được tặng Bằng khen, Giấy khen.",
    "Mô hình đã giải quyết 1.900 trường hợp, với 950 buổi tư vấn.",
    "Kết quả khảo sát cho thấy 95% người dân hài lòng.",
    "Hội nghị quán triệt Hướng dẫn 16-HD/BTGTW ngày 27/7/2021.",
    "Cán bộ, đảng viên nêu cao tinh thần trách nhiệm, nói đi đôi với làm.",
    "Phong trào lan tỏa đến từng phòng, đơn vị trực thuộc.",
    "Đảng bộ Sở tiếp tục đẩy mạnh việc học tập và làm theo Bác trong năm tới.",
    "Ban Thường vụ Đảng ủy đánh giá cao những cách làm sáng tạo.",
]
QUERIES = [
    ("no diacritics", "hoc tap lam theo bac", {}),
    ("diacritics", "Đảng ủy", {}),
    ("folded", "dang uy", {}),
    ("phrase", '"nu cuoi tiep dan"', {}),
    ("exclusion", "thi dua -dan van", {}),
    ("rare word", "chinh don", {}),
    ("with filter", "phap luat", {"year": None}),
    ("typo", "hoc tapp lam theoo", {}),
    ("no match", "xyzxyz", {}),
]


def build(n_articles: int, rng: random.Random) -> None:
    from django.contrib.auth import get_user_model  # noqa: F401  (apps ready)
    from django.db import connection
    from django.utils import timezone

    from campaigns.models import Campaign, Issuer, Theme
    from news.models import Article, Category, Tag, TaggedArticle
    from news.search import search_columns

    issuer = Issuer.objects.create(name="Bộ Chính trị")
    campaigns = [
        Campaign.objects.create(
            code=code, kind=Campaign.Kind.DIRECTIVE, issuer=issuer, issued_on=datetime.date(2016, 5, 15), title=code
        )
        for code in ("03-CT/TW", "05-CT/TW", "01-KL/TW")
    ]
    themes = [
        Theme.objects.create(campaign=campaign, year_start=year, issuer=issuer, title=f"Chuyên đề năm {year}")
        for campaign, years in zip(campaigns, ((2013, 2014, 2015), (2018, 2019, 2020), (2021, 2022)), strict=True)
        for year in years
    ]
    categories = [Category.objects.create(name=f"Chuyên mục {n}") for n in range(12)]
    tags = [Tag.objects.create(name=f"thẻ {n}", slug=f"the-{n}") for n in range(40)]
    now = timezone.now()
    articles = []
    for n in range(n_articles):
        title = f"{rng.choice(UNITS)} {rng.choice(ACTIONS)} {rng.choice(TOPICS)} ({n})"
        lead = " ".join(rng.sample(SENTENCES, 2))
        body = "".join(f"<p>{' '.join(rng.sample(SENTENCES, 4))}</p>" for _ in range(5))
        folded, document = search_columns(title, lead, body)
        articles.append(
            Article(
                title=title,
                slug=f"bai-{n}",
                lead=lead,
                body=body,
                category=rng.choice(categories),
                status=Article.Status.PUBLISHED if n % 20 else Article.Status.DRAFT,
                published_at=now - datetime.timedelta(hours=n * 3),
                search_folded=folded,
                search_document=document,
            )
        )
    Article.objects.bulk_create(articles, batch_size=500)
    ids = list(Article.objects.values_list("id", flat=True))
    Article.campaigns.through.objects.bulk_create(
        [Article.campaigns.through(article_id=pk, campaign_id=rng.choice(campaigns).pk) for pk in ids], batch_size=1000
    )
    Article.themes.through.objects.bulk_create(
        [Article.themes.through(article_id=pk, theme_id=rng.choice(themes).pk) for pk in ids if rng.random() < 0.6],
        batch_size=1000,
    )
    TaggedArticle.objects.bulk_create(
        [TaggedArticle(content_object_id=pk, tag=tag) for pk in ids for tag in rng.sample(tags, 2)], batch_size=1000
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def timed(client, url: str, requests: int, before=None) -> tuple[list[float], object]:
    timings, response = [], None
    for _ in range(requests):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return timings, response


def summary(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="articles to build (default 10000)")
    parser.add_argument("--requests", type=int, default=30, help="requests per measurement (default 30)")
    return parser.parse_args()


def count_queries(client, url: str) -> int:
    """The SQL queries of one request to ``url``."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)  # read now: the next request empties the connection's query log


def measure_search(client, requests: int) -> None:
    from urllib.parse import urlencode

    from django.utils import timezone

    from news.forms import SearchForm

    print(f"{'search':<14} {'results':>7} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    all_search = []
    for name, query, filters in QUERIES:
        params = {"q": query, **{k: (v or timezone.now().year) for k, v in filters.items()}}
        url = f"/tim-kiem/?{urlencode(params)}"
        client.get(url)  # warm the site-wide blocks
        n_queries = count_queries(client, url)
        timings, _response = timed(client, url, requests)
        all_search += timings
        median, p95 = summary(timings)
        count = SearchForm(params).results().queryset.count()
        print(f"{name:<14} {count:>7} {n_queries:>7} {median:>10.2f} {p95:>8.2f}")
    median, p95 = summary(all_search)
    print(f"{'all searches':<14} {'':>7} {'':>7} {median:>10.2f} {p95:>8.2f}")


def measure_article_pages(client, requests: int) -> None:
    """Related news computed afresh (the cache generation bumped before each request), then cached."""
    from news.models import Article
    from news.related import bump_generation

    articles = list(Article.objects.published().order_by("?")[:requests])
    print(f"{'article page':<22} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    for label, before in (("related computed", bump_generation), ("related cached", None)):
        timings = []
        for article in articles:
            url = article.get_absolute_url()
            client.get(url)
            if before:
                before()
            n_queries, one = timed_once_counting_queries(client, url)
            if before:
                before()
            more, _response = timed(client, url, 2, before=before)
            timings += one + more
        median, p95 = summary(timings)
        print(f"{label:<22} {n_queries:>7} {median:>10.2f} {p95:>8.2f}")


def timed_once_counting_queries(client, url: str) -> tuple[int, list[float]]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        one, _response = timed(client, url, 1, before=None)
    return len(queries), one


def main() -> None:
    args = parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from news.models import Article

    rng = random.Random(4)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    started = time.perf_counter()
    build(args.articles, rng)
    built = time.perf_counter() - started
    client = Client()
    print(
        f"database: {connection.vendor}, {Article.objects.count()} articles "
        f"({Article.objects.published().count()} published), built in {built:.1f} s; {args.requests} requests each"
    )
    measure_search(client, args.requests)
    measure_article_pages(client, args.requests)


if __name__ == "__main__":
    main()
