"""Every public page at the demo size and at 100,000 articles, served for real: req/s, p50, p99, server CPU.

Usage (PostgreSQL and Redis on this machine; the two databases are created when missing and grown with
``seed_scale``, never emptied: point them at benchmark databases only):

    .venv/bin/python bench/scale.py [--articles 100000] [--seconds 4] [--connections 4]
        [--demo-db portal_bench_demo] [--big-db portal_bench_100k] [--redis redis://127.0.0.1:6379/14]

For each database it serves the portal with gunicorn (2 workers, ``bench/ceiling_wsgi.py``: the portal plus a bare
view at /bench-ceiling/, the ceiling) over Redis, once with ``PAGE_CACHE_SECONDS=0`` (no page cache) and once with
the default, and drives each page from this process for --seconds over --connections keep-alive connections. CPU
per request is what the gunicorn workers and the database's backends spent (utime + stime from /proc, before and
after), divided by the requests answered: robust on a busy machine, where wall-clock figures are not. The last
table gives, per page, 100k ÷ demo of the uncached CPU per request (the target is ≤ 1.5).
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
TICK = os.sysconf("SC_CLK_TCK")

PAGES_SCRIPT = r"""
import json
from campaigns.models import Campaign, Theme
from news.models import Article, Category, Tag
from news import counts
from news.related import refresh_related
art = Article.objects.published().order_by("-published_at", "-id")[20]
refresh_related(art.pk)  # stored, as after its save (seeded rows were bulk-written: no list yet)
cat = Category.objects.filter(parent__isnull=True, show_in_menu=True).order_by("position", "pk").first()
per_page = 12
cat_pages = max(1, -(-counts.published_count(category_ids=cat.family_ids()) // per_page))
tag = Tag.objects.filter(tagged_articles__isnull=False).order_by("pk").first()
camp = Campaign.objects.filter(is_current=True).order_by("position", "pk").first() or Campaign.objects.first()
theme = Theme.objects.filter(campaign=camp).order_by("-year_start").first()
month = art.published_at
from news import sitemap_pages as stored_sitemap
sitemap_pages = stored_sitemap.index_pages(base="http://127.0.0.1")[-1][0]
print(json.dumps({
    "ceiling (bare Django view)": "/bench-ceiling/",
    "home": "/",
    "article": art.get_absolute_url(),
    "category": cat.get_absolute_url(),
    "category page 500 (or last)": f"{cat.get_absolute_url()}?page={min(500, cat_pages)}",
    "tag": tag.get_absolute_url(),
    "campaign hub": camp.get_absolute_url(),
    "theme": theme.get_absolute_url(),
    "latest": "/tin-moi/",
    "archive": "/luu-tru/",
    "archive month": f"/luu-tru/{month:%Y}/{month:%m}/",
    "search common (hoc tap)": "/tim-kiem/?q=hoc+tap",
    "search rare (Nhựt Chánh)": "/tim-kiem/?q=Nh%E1%BB%B1t+Ch%C3%A1nh",
    "search nothing (xyzxyz)": "/tim-kiem/?q=xyzxyz",
    "rss": "/rss/",
    "atom": "/atom/",
    "category rss": f"{cat.get_absolute_url()}rss/",
    "sitemap index": "/sitemap.xml",
    "sitemap articles p1": "/sitemap-articles.xml",
    "sitemap articles last": f"/sitemap-articles.xml?p={sitemap_pages}",
    "sitemap tags": "/sitemap-tags.xml",
    "sitemap archive": "/sitemap-archive.xml",
    "sitemap pages": "/sitemap-pages.xml",
    "sitemap categories": "/sitemap-categories.xml",
    "sitemap good models": "/sitemap-good-models.xml",
    "sitemap exemplars": "/sitemap-exemplars.xml",
    "sitemap awards": "/sitemap-awards.xml",
    "sitemap documents": "/sitemap-documents.xml",
    "good models": "/phong-trao/mo-hinh-hay/",
    "exemplars": "/phong-trao/guong-dien-hinh/",
    "awards": "/phong-trao/khen-thuong/",
    "documents": "/phong-trao/van-ban/",
}))
"""


def env_for(db: str, redis_url: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "PAGE_CACHE_SECONDS"}}
    env.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{db}",
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"bench-scale-{db}-{os.getpid()}",
        ALLOW_DEV_SECRET_KEY="true",
        ALLOWED_HOSTS="127.0.0.1",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        # Every bench request comes from 127.0.0.1 with no cookie: a new visitor each time, and each one counted
        # (the worst case for the counter), so the article's views can be checked against the requests answered.
        VISITOR_NEW_PER_ADDRESS="1000000000",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def prepare(db: str, env: dict, articles: int | None) -> dict:
    exists = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{db}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", db], check=True)
    manage(env, "migrate", "-v", "0")
    started = time.monotonic()
    if articles is None:
        manage(env, "seed_demo", "--no-images", capture=True)
    else:
        manage(env, "seed_scale", "--articles", str(articles), "-v", "0")
    print(f"  {db}: ready in {time.monotonic() - started:.0f} s", flush=True)
    return json.loads(manage(env, "shell", "-c", PAGES_SCRIPT, capture=True).strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the line)


def backend_pids(db: str) -> list[int]:
    out = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-Atc",
            f"SELECT pid FROM pg_stat_activity WHERE datname = '{db}' AND pid <> pg_backend_pid()",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [int(line) for line in out.split()]


class Server:
    def __init__(self, db: str, env: dict):
        self.db, self.env, self.port = db, env, free_port()
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "bench.ceiling_wsgi:application",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{self.port}",
                "--access-logfile",
                "/dev/null",
                "--error-logfile",
                "-",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/bench-ceiling/")
                conn.getresponse().read()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def cpu(self) -> dict[int, int]:
        pids = self.worker_pids() + backend_pids(self.db)
        return {pid: cpu_ticks(pid) for pid in pids}

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def drive(port: int, path: str, seconds: float, connections: int) -> tuple[list[float], dict[int, int]]:
    """Requests to ``path`` over keep-alive connections for ``seconds``: latencies (ms) and statuses."""
    latencies, statuses, lock = [], {}, threading.Lock()
    deadline = time.monotonic() + seconds

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 bench", "Accept": "text/html"}
        if "sitemap" in path:  # crawlers take gzip, and the articles' pages are stored gzipped
            headers["Accept-Encoding"] = "gzip"
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[response.status] = statuses.get(response.status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses


def stored_views(server: Server, slug: str) -> int:
    """The article's view count once the views buffered in Redis are written (``flush_views``)."""
    manage(server.env, "flush_views", capture=True)
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", server.db, "-Atc",
         f"SELECT view_count FROM news_article WHERE slug = '{slug}'"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return int(out.strip())


def measure(server: Server, path: str, seconds: float, connections: int, counted_slug: str = "") -> dict:
    views_before = stored_views(server, counted_slug) if counted_slug else 0
    _warm, warm_statuses = drive(server.port, path, min(1.0, seconds / 4), connections)  # caches, pool connections
    before = server.cpu()
    started = time.monotonic()
    latencies, statuses = drive(server.port, path, seconds, connections)
    wall = time.monotonic() - started
    after = server.cpu()
    ticks = sum(after[pid] - before.get(pid, 0) for pid in after)
    n = len(latencies) or 1
    ordered = sorted(latencies) or [0.0]
    result = {
        "rps": len(latencies) / wall,
        "p50": statistics.median(ordered),
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "cpu": ticks * 1000 / TICK / n,
        "status": ",".join(f"{code}" for code in sorted(statuses)),
    }
    if counted_slug:  # every 200 is a new visitor's view: the count must have moved by exactly as many
        answered = warm_statuses.get(200, 0) + statuses.get(200, 0)
        result["views"] = (answered, stored_views(server, counted_slug) - views_before)
    return result


def run_size(label: str, db: str, pages: dict, args) -> dict:
    results = {}
    for cache_label, extra in (("uncached", {"PAGE_CACHE_SECONDS": "0"}), ("default", {})):
        server = Server(db, env_for(db, args.redis, **extra))
        try:
            for name, path in pages.items():
                slug = path.strip("/").split("/")[-1] if name == "article" else ""
                results[(cache_label, name)] = measure(server, path, args.seconds, args.connections, slug)
                r = results[(cache_label, name)]
                views = "  views answered {}, counted {}".format(*r["views"]) if "views" in r else ""
                print(
                    f"  {label:5} {cache_label:8} {name:30} {r['rps']:8.1f} req/s  p50 {r['p50']:7.1f} ms  "
                    f"p99 {r['p99']:7.1f} ms  CPU {r['cpu']:7.2f} ms/req  [{r['status']}]{views}",
                    flush=True,
                )
        finally:
            server.stop()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--demo-db", default="portal_bench_demo")
    parser.add_argument("--big-db", default="portal_bench_100k")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--only", default="", help="Comma-separated page names (or parts of them) to measure.")
    args = parser.parse_args()
    sizes = {}
    for label, db, articles in (("demo", args.demo_db, None), ("big", args.big_db, args.articles)):
        print(f"preparing {label} ({db})", flush=True)
        pages = prepare(db, env_for(db, args.redis), articles)
        if args.only:
            wanted = [part.strip() for part in args.only.split(",") if part.strip()]
            pages = {name: path for name, path in pages.items() if any(part in name for part in wanted)}
        sizes[label] = (db, pages)
    results = {}
    for label, (db, pages) in sizes.items():
        print(f"serving {label} ({db})", flush=True)
        results[label] = run_size(label, db, pages, args)
    print_table(results, sizes)
    return 0


def print_table(results: dict, sizes: dict) -> None:
    print(
        "\n| page | demo uncached CPU ms/req | 100k uncached CPU ms/req | **100k ÷ demo** "
        "| 100k uncached req/s, p50, p99 | 100k default (cache) req/s, p50, p99, CPU |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for name in sizes["big"][1]:
        demo, big = results["demo"][("uncached", name)], results["big"][("uncached", name)]
        cached = results["big"][("default", name)]
        ratio = big["cpu"] / demo["cpu"] if demo["cpu"] else float("nan")
        print(
            f"| {name} | {demo['cpu']:.1f} | {big['cpu']:.1f} | **{ratio:.2f}** | "
            f"{big['rps']:.0f}, {big['p50']:.0f} ms, {big['p99']:.0f} ms | "
            f"{cached['rps']:.0f}, {cached['p50']:.0f} ms, {cached['p99']:.0f} ms, {cached['cpu']:.1f} ms |"
        )


if __name__ == "__main__":
    sys.exit(main())
