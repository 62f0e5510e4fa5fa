"""What the page cache saves: server CPU per request of the home page and an article, cached and uncached.

Usage:
    .venv/bin/python bench/pagecache.py [--readers 100] [--repeats 5] [--connections 4]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/pagecache.py
    REDIS_URL=redis://127.0.0.1:6379/5 .venv/bin/python bench/pagecache.py     # the page cache in Redis

It builds a throwaway database with the demo content (`migrate`, `seed_demo`; a temporary SQLite file by default;
with DATABASE_URL that database is emptied first, so never point it at real data), then for each page and each
setting (PAGE_CACHE_SECONDS=0, then 120) serves the portal with gunicorn (1 worker x 4 threads) on a free
127.0.0.1 port, warms it, and has --readers distinct readers (each keeping its cookies) open the page --repeats
times each over --connections parallel connections: a reader's first view counts, the next ones do not. It prints
requests per second, p50/p99 latency and the CPU milliseconds gunicorn's worker spent per request (utime + stime
from /proc: SQLite runs inside the worker, so its work is included; PostgreSQL's and Redis's are not), and the
ratio uncached / cached.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("VISITOR_NEW_PER_ADDRESS", "1000000")  # every bench reader is from 127.0.0.1
if "DATABASE_URL" not in os.environ:
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3")

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_data() -> str:
    """The demo content; the path of the most recent article."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("flush", interactive=False, verbosity=0) if "DATABASE_URL" in os.environ else None
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    from news.models import Article

    return Article.objects.published().order_by("-published_at").first().get_absolute_url()


def worker_cpu(master_pid: int) -> float:
    """CPU seconds used so far by gunicorn's workers (utime + stime from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def read(port: int, path: str, repeats: int) -> list[float]:
    """One reader (one connection, its own cookies) opens `path` `repeats` times: the latencies."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    cookies: dict[str, str] = {}
    latencies = []
    for _ in range(repeats):
        headers = {"User-Agent": BROWSER, "Accept-Encoding": "gzip, br"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - start)
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
    connection.close()
    return latencies


def run(path: str, seconds: int, args) -> dict:
    port = free_port()
    env = {**os.environ, "PAGE_CACHE_SECONDS": str(seconds)}
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-w", "1", "--threads", "4", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        read(port, path, 5)  # warm: imports, the page's own caches, the page cache
        cpu_before, start = worker_cpu(server.pid), time.perf_counter()
        with ThreadPoolExecutor(args.connections) as pool:
            results = list(pool.map(lambda _n: read(port, path, args.repeats), range(args.readers)))
        elapsed, cpu = time.perf_counter() - start, worker_cpu(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait()
    latencies = sorted(latency for reader in results for latency in reader)
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "cpu": cpu / len(latencies) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    article = build_data()
    print(f"{'page':<10} {'page cache':<10} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms/req':>10}")
    for name, path in (("home", "/"), ("article", article)):
        figures = {}
        for seconds, label in ((0, "off"), (120, "on")):
            figures[label] = result = run(path, seconds, args)
            print(
                f"{name:<10} {label:<10} {result['rps']:>7.0f} {result['p50']:>7.1f} {result['p99']:>7.1f} "
                f"{result['cpu']:>10.2f}"
            )
        print(f"{name:<10} CPU per request, uncached / cached: {figures['off']['cpu'] / figures['on']['cpu']:.1f}x")


if __name__ == "__main__":
    main()
