"""What counting views costs, and whether the count is right, against a real multi-process server.

Usage:
    .venv/bin/python bench/views.py [--visitors 300] [--repeats 3] [--connections 8] [--rounds 2]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/views.py
    .venv/bin/python bench/views.py --redis redis://127.0.0.1:6379/3     # counting buffered in Redis

It builds a throwaway database (a temporary SQLite file by default; with DATABASE_URL, that database is emptied
and refilled, so never point it at real data) with one article page among 30 articles, then, for each round,
serves the portal with gunicorn (2 workers × 4 threads) on a free 127.0.0.1 port, once with VIEW_COUNTING=false
and once with counting on, and drives it from this process: --visitors distinct readers (one browser User-Agent,
each reader its own address in X-Forwarded-For, keeping the cookie the portal sets) open the article --repeats
times each, over --connections parallel connections (threads and http.client, no external network). It prints
requests per second and the p50/p99 latency of each run with the CPU time gunicorn's workers spent per request,
the throughput counting costs (best and median round of each) and its CPU cost per request (median; less
disturbed by other load), and checks that the stored count, the day's figure and the day's site visits all equal
the number of distinct readers (after `flush_views` with --redis). Exit status 1 if a count is wrong.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("LOG_LEVEL", "WARNING")
if "DATABASE_URL" not in os.environ:
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3")

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
BODY = "".join(
    f"<p>Đoạn {n}: Đảng ủy Sở tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
    "Minh, gắn với thực hiện nhiệm vụ chính trị của cơ quan, xây dựng tác phong làm việc khoa học.</p>"
    for n in range(12)
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "Googlebot/2.1 (warm-up, not counted)"})  # noqa: S310 (our own local server)
            urllib.request.urlopen(request, timeout=2)  # noqa: S310
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def build_data():
    from django.core.management import call_command

    from campaigns.models import Campaign, Issuer
    from news.models import Article, Category

    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)
    issuer = Issuer.objects.create(name="Bộ Chính trị")
    campaign = Campaign.objects.create(
        code="05-CT/TW",
        kind=Campaign.Kind.DIRECTIVE,
        issued_on="2016-05-15",
        title="Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        issuer=issuer,
        is_current=True,
    )
    categories = [Category.objects.create(name=name) for name in ("Tin hoạt động", "Gương điển hình", "Văn bản")]
    articles = []
    for n in range(30):
        article = Article.objects.create(
            title=f"Đảng ủy Sở sơ kết việc học tập và làm theo Bác, bài số {n}",
            lead="Sáng nay, Đảng ủy Sở tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW.",
            body=BODY,
            category=categories[n % 3],
            status=Article.Status.PUBLISHED,
            author_name="T. Hùng",
        )
        article.campaigns.set([campaign])
        article.tags.set(["Chỉ thị 05", f"thẻ {n % 5}"])
        articles.append(article)
    return articles[-1]


def server_cpu(master_pid: int) -> float:
    """CPU seconds used so far by gunicorn's workers (Linux /proc), a figure other load on the machine
    cannot inflate as it does wall-clock throughput."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    if not children.exists():
        return float("nan")
    for pid in children.read_text().split():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def reset_counts(article) -> None:
    from news.models import Article
    from news.viewcounts.models import ArticleDailyViews, ArticleViewMark, ViewFlush
    from portal.visitors.models import OnlineVisitor, SiteVisitDay, SiteVisitMark

    Article.objects.filter(pk=article.pk).update(view_count=0)
    for model in (ArticleDailyViews, ArticleViewMark, ViewFlush, SiteVisitDay, SiteVisitMark, OnlineVisitor):
        model.objects.all().delete()


def start_server(port: int, env: dict) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def read_page(port: int, path: str, n: int, repeats: int) -> tuple[list[float], list[int]]:
    """Reader ``n`` opens ``path`` ``repeats`` times on one connection: its latencies and any non-200 statuses."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    # Readers share a browser but not an address (as behind a reverse proxy that sets X-Forwarded-For).
    headers = {"User-Agent": BROWSER, "X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"}
    latencies, failures = [], []
    try:
        for _ in range(repeats):
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            latencies.append(time.perf_counter() - started)
            if response.status != 200:
                failures.append(response.status)
            cookie = response.getheader("Set-Cookie") or ""
            for part in cookie.split(","):
                part = part.strip()
                if part.startswith("khach="):
                    headers["Cookie"] = part.split(";")[0]
    finally:
        connection.close()
    return latencies, failures


def run(path: str, *, counting: bool, args, run_id: str) -> dict:
    port = free_port()
    env = {**os.environ, "VIEW_COUNTING": "true" if counting else "false", "TRUSTED_PROXIES": "127.0.0.1"}
    if args.redis:
        env |= {"REDIS_URL": args.redis, "CACHE_KEY_PREFIX": f"bench-{run_id}"}
    server = start_server(port, env)
    latencies: list[float] = []
    failures = []
    lock = threading.Lock()

    def reader(n: int) -> None:
        mine, failed = read_page(port, path, n, args.repeats)
        with lock:
            latencies.extend(mine)
            failures.extend(failed)

    try:
        wait_for(f"http://127.0.0.1:{port}{path}")
        for _ in range(10):  # both workers past their first, slower requests
            wait_for(f"http://127.0.0.1:{port}{path}")
        cpu_before = server_cpu(server.pid)
        started = time.perf_counter()
        with ThreadPoolExecutor(args.connections) as pool:
            list(pool.map(reader, range(args.visitors)))
        elapsed = time.perf_counter() - started
        cpu = server_cpu(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(15)
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "cpu_ms": cpu / len(latencies) * 1000,
        "failures": failures,
        "env": env,
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visitors", type=int, default=300, help="distinct readers per run (default 300)")
    parser.add_argument("--repeats", type=int, default=3, help="times each reader opens the page (default 3)")
    parser.add_argument("--connections", type=int, default=8, help="parallel connections (default 8)")
    parser.add_argument("--rounds", type=int, default=2, help="off/on pairs; the best of each is compared")
    parser.add_argument("--redis", metavar="URL", help="buffer views in this Redis (use a database of your own)")
    return parser.parse_args()


def flush_redis(redis_url: str, run_id: str, env: dict) -> None:
    """Write the run's buffered views to the database, then drop its keys."""
    os.environ["CACHE_KEY_PREFIX"] = f"bench-{run_id}"
    os.environ["REDIS_URL"] = redis_url
    subprocess.run([sys.executable, "manage.py", "flush_views", "-v", "0"], cwd=ROOT, env=env, check=True)
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"bench-{run_id}:*"):
        client.delete(key)


def check_counts(article, result: dict, *, counting: bool, args) -> tuple[bool, str]:
    """Whether the stored count, the day's figure and the day's site visits all equal the distinct readers."""
    from django.utils import timezone

    from news.viewcounts.models import ArticleDailyViews
    from portal.visitors.models import SiteVisitDay

    article.refresh_from_db()
    today = timezone.localdate()
    daily = sum(ArticleDailyViews.objects.filter(article=article, day=today).values_list("views", flat=True))
    visits = sum(SiteVisitDay.objects.filter(day=today).values_list("visits", flat=True))
    expected = args.visitors if counting else 0
    ok = article.view_count == daily == visits == expected and not result["failures"]
    return ok, f"stored {article.view_count}, day {daily}, site visits {visits}, expected {expected}"


def one_round(round_no: int, article, path: str, args, results: dict[bool, list[dict]]) -> bool:
    """A run with counting off, then one with it on; prints each and says whether every count was right."""
    all_ok = True
    for counting in (False, True):
        reset_counts(article)
        run_id = uuid.uuid4().hex[:8]
        result = run(path, counting=counting, args=args, run_id=run_id)
        results[counting].append(result)
        if args.redis and counting:
            flush_redis(args.redis, run_id, result["env"])
        ok, counts = check_counts(article, result, counting=counting, args=args)
        all_ok &= ok
        print(
            f"round {round_no}, counting {'on ' if counting else 'off'}: {result['rps']:6.0f} requests/s, "
            f"p50 {result['p50']:5.1f} ms, p99 {result['p99']:6.1f} ms, "
            f"server CPU {result['cpu_ms']:4.1f} ms/request; {counts}"
            + (f", {len(result['failures'])} failed requests" if result["failures"] else "")
            + ("" if ok else "  MISMATCH")
        )
    return all_ok


def print_costs(results: dict[bool, list[dict]]) -> None:
    best_off = max(r["rps"] for r in results[False])
    best_on = max(r["rps"] for r in results[True])
    cost = (best_off - best_on) / best_off * 100
    print(f"best: off {best_off:.0f} requests/s, on {best_on:.0f} requests/s; counting costs {cost:.1f}% (budget 10%)")
    median_off = statistics.median(r["rps"] for r in results[False])
    median_on = statistics.median(r["rps"] for r in results[True])
    print(
        f"median: off {median_off:.0f} requests/s, on {median_on:.0f} requests/s; "
        f"counting costs {(median_off - median_on) / median_off * 100:.1f}%"
    )
    cpu_off = statistics.median(r["cpu_ms"] for r in results[False])
    cpu_on = statistics.median(r["cpu_ms"] for r in results[True])
    print(
        f"server CPU per request (median): off {cpu_off:.2f} ms, on {cpu_on:.2f} ms, "
        f"+{(cpu_on - cpu_off) / cpu_off * 100:.1f}% (the database server's own CPU is not included)"
    )


def main() -> None:
    args = parse_args()

    import django

    django.setup()
    from django.db import connection

    article = build_data()
    path = article.get_absolute_url()
    mode = f"Redis buffer {args.redis}" if args.redis else "straight to the database"
    print(f"database: {connection.vendor}; counting {mode}; gunicorn 2 workers × 4 threads")
    print(f"load: {args.visitors} readers × {args.repeats} opens of {path}, {args.connections} connections")
    results: dict[bool, list[dict]] = {False: [], True: []}
    wrong = False
    for round_no in range(1, args.rounds + 1):
        wrong |= not one_round(round_no, article, path, args, results)
    print_costs(results)
    if wrong:
        raise SystemExit("MISMATCH")


if __name__ == "__main__":
    main()
