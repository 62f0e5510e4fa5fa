"""Render-time and query-count benchmark of the emulation movement's pages and the document search.

Usage:
    .venv/bin/python bench/emulation_pages.py [--requests 200] [--articles 500]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/emulation_pages.py

Builds a throwaway database (a temporary SQLite file by default; with DATABASE_URL, that database is emptied
and refilled, so never point it at real data): the campaigns of ``seed_demo`` are not needed, a campaign and
its themes are made here, then the emulation demo content and ``--articles`` generated articles linked to its
records. Each page is requested N times through Django's test client with the cache warm; prints the SQL
queries of one request and the median and 95th-percentile time.
"""

import argparse
import datetime
import io
import os
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
if "DATABASE_URL" not in os.environ:
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3")


def build(n_articles: int) -> None:
    from django.utils import timezone

    from campaigns.models import Campaign, Issuer, Theme
    from news.models import Article, Category
    from portal.demo.emulation import seed

    bct = Issuer.objects.create(name="Bộ Chính trị")
    campaign = Campaign.objects.create(
        code="01-KL/TW",
        kind="ket-luan",
        issuer=bct,
        issued_on=datetime.date(2021, 5, 18),
        is_current=True,
        title="Về tiếp tục thực hiện Chỉ thị 05-CT/TW",
    )
    for year in (2021, 2022, 2023, 2024):
        Theme.objects.create(campaign=campaign, year_start=year, issuer=bct, title=f"Chuyên đề năm {year}")
    seed(stdout=io.StringIO(), with_files=False)
    category = Category.objects.create(name="Học tập và làm theo Bác")
    now = timezone.now()
    models = list(campaign.good_models.all())
    documents = list(campaign.documents.all())
    for n in range(n_articles):
        article = Article.objects.create(
            title=f"Nhân rộng mô hình hay trong Đảng bộ Sở, bài {n + 1}",
            lead="Đảng ủy Sở triển khai Kế hoạch số 35-KH/ĐU.",
            body="<p>Nội dung.</p>",
            category=category,
            status="published",
            published_at=now - datetime.timedelta(hours=n + 1),
        )
        article.campaigns.add(campaign)
        article.good_models.add(models[n % len(models)])
        article.documents.add(documents[n % len(documents)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--articles", type=int, default=500, help="articles linked to the records (default 500)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from campaigns.models import Award, Campaign, Document, GoodModel
    from news.models import Article

    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    build(args.articles)

    campaign = Campaign.objects.get(code="01-KL/TW")
    pages = {
        "hub": campaign.get_absolute_url(),
        "models": "/phong-trao/mo-hinh-hay/",
        "models?f": f"/phong-trao/mo-hinh-hay/?campaign={campaign.slug}&year=2022",
        "model": GoodModel.objects.filter(articles__isnull=False).first().get_absolute_url(),
        "awards": "/phong-trao/khen-thuong/",
        "award": Award.objects.public().first().get_absolute_url(),
        "documents": "/phong-trao/van-ban/",
        "doc search": "/phong-trao/van-ban/?q=ke+hoach+hoi+thi",
        "document": Document.objects.get(number="35-KH/ĐU").get_absolute_url(),
        "article": Article.objects.latest().first().get_absolute_url(),
    }
    client = Client()
    print(f"database: {connection.vendor}, {Article.objects.count()} articles, {args.requests} requests per page")
    print(f"{'page':<11} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # warm caches
        queries = []  # counted by a wrapper: the query log is emptied when a request starts

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{name:<11} {len(queries):>7} {statistics.median(timings):>10.2f} {p95:>8.2f}")


if __name__ == "__main__":
    main()
