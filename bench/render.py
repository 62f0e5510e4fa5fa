"""Render-time and query-count benchmark of the public pages.

Usage:
    .venv/bin/python bench/render.py [--requests 300]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/render.py

It builds a throwaway database (a temporary SQLite file by default; with DATABASE_URL, that database is
emptied and refilled, so never point it at real data), loads the demo content without images, then requests
each page N times through Django's test client with the cache warm, and prints the median and 95th percentile
time and the number of SQL queries of one request.
"""

import argparse
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
os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="portal-bench-static-"))  # WhiteNoise wants it to exist
if "DATABASE_URL" not in os.environ:
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300, help="requests per page (default 300)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from campaigns.models import Campaign, Theme
    from news.models import Article, Category

    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)  # data migrations (roles) again after flush
    call_command("seed_demo", "--no-images", verbosity=0)

    article = Article.objects.published().order_by("-published_at").first()
    theme = Theme.objects.filter(articles__isnull=False).first()
    pages = {
        "home": "/",
        "article": article.get_absolute_url(),
        "category": Category.objects.filter(parent__isnull=True).first().get_absolute_url(),
        "tag": article.tags.first().get_absolute_url(),
        "campaign": Campaign.objects.get(code="01-KL/TW").get_absolute_url(),
        "theme": theme.get_absolute_url(),
        "latest": "/tin-moi/",
        "sitemap": "/sitemap.xml",
    }
    client = Client()
    print(f"database: {connection.vendor}, {Article.objects.count()} articles, {args.requests} requests per page")
    print(f"{'page':<10} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # warm caches
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)  # read now: reset_queries() below empties the log it slices
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        reset_queries()
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{name:<10} {query_count:>7} {statistics.median(timings):>10.2f} {p95:>8.2f}")


if __name__ == "__main__":
    main()
