"""The deployment of deploy/: what nginx's 1-second micro-cache gives, and that every article view still counts.

Usage:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/nginx.py \\
        --redis redis://127.0.0.1:6379/3 [--seconds 8] [--connections 8] [--readers 400]

It builds the throwaway database of bench/views.py (that database is emptied and refilled: never point it at real
data), serves it with gunicorn (2 workers × 4 threads, VIEW_COUNTING on, views buffered in --redis when given) behind
Debian's nginx running deploy/nginx/portal.conf (HTTPS, a self-signed certificate, on free loopback ports), and
drives it from this process over --connections keep-alive connections: the home page and the latest-news page (the
micro-cache's pages) through nginx and straight from gunicorn, then the article page through nginx and straight, as
--readers distinct readers each opening it three times. It prints requests/s, p50 and p99 of each, and checks that
the article's stored count (after `flush_views`) equals the number of distinct readers (exit status 1 otherwise).
The client is Python on the same machine: past a few thousand requests/s it measures itself, not nginx.
"""

import argparse
import http.client
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.views import BROWSER, build_data, free_port, start_server, wait_for  # noqa: E402 (sets the environment)
from deploy.render import render  # noqa: E402

NGINX_MAIN = """
{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/portal.conf;
}}
"""


def start_nginx(prefix: Path, upstream_port: int) -> tuple[subprocess.Popen, int]:
    https_port = free_port()
    subprocess.run(  # noqa: S603
        [shutil.which("openssl") or "/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "1", "-subj", "/CN=portal.bench", "-keyout", str(prefix / "k"), "-out", str(prefix / "c")],
        check=True, capture_output=True,
    )  # fmt: skip
    (prefix / "static").mkdir()
    site = render(
        (ROOT / "deploy" / "nginx" / "portal.conf").read_text(),
        {
            "HTTP_LISTEN": f"127.0.0.1:{free_port()}",
            "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "SERVER_NAME": "portal.bench",
            "TLS_CERTIFICATE": str(prefix / "c"),
            "TLS_CERTIFICATE_KEY": str(prefix / "k"),
            "UPSTREAM": f"127.0.0.1:{upstream_port}",
            "CACHE_DIR": str(prefix / "cache"),
            "STATIC_ROOT": str(prefix / "static"),
            "MEDIA_ROOT": str(prefix / "static"),
        },
    )
    (prefix / "portal.conf").write_text(site)
    user = "user root;" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(NGINX_MAIN.format(prefix=prefix, user=user))
    process = subprocess.Popen(["/usr/sbin/nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf")])  # noqa: S603
    time.sleep(0.5)
    return process, https_port


def connect(port: int, tls: bool, n: int = 0) -> http.client.HTTPConnection:
    """A connection from reader n's own loopback address (127.1.x.y): nginx sees each reader as its own client."""
    source = (f"127.1.{n // 250 % 250}.{n % 250 + 1}", 0)
    if not tls:
        return http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    return http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context, source_address=source)


def fetch(connection, path: str, cookie: str | None) -> tuple[int, str | None]:
    headers = {"Host": "portal.bench", "User-Agent": BROWSER, "Accept-Encoding": "gzip"}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    for value in response.headers.get_all("Set-Cookie") or []:
        if value.startswith("khach="):
            cookie = value.split(";", 1)[0]
    return response.status, cookie


def load(port: int, *, tls: bool, paths: list[str], seconds: float, connections: int) -> dict:
    """Readers keeping their cookie fetch `paths` in turn on keep-alive connections for `seconds`."""
    latencies: list[float] = []
    failures = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def reader(n: int) -> None:
        connection, cookie, mine = connect(port, tls, n), None, []
        try:
            while time.monotonic() < stop_at:
                for path in paths:
                    started = time.perf_counter()
                    status, cookie = fetch(connection, path, cookie)
                    mine.append(time.perf_counter() - started)
                    if status != 200:
                        failures.append(status)
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)

    started = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(reader, range(connections)))
    return summary(latencies, time.perf_counter() - started, failures)


def readers_of(port: int, *, tls: bool, path: str, readers: int, connections: int) -> dict:
    """`readers` distinct readers, each opening `path` three times with the cookie the portal gave them."""
    latencies: list[float] = []
    failures = []
    lock = threading.Lock()

    def reader(n: int) -> None:
        connection, cookie, mine = connect(port, tls, n), None, []
        try:
            for _ in range(3):
                started = time.perf_counter()
                status, cookie = fetch(connection, path, cookie)
                mine.append(time.perf_counter() - started)
                if status != 200:
                    failures.append(status)
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)

    started = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(reader, range(readers)))
    return summary(latencies, time.perf_counter() - started, failures)


def summary(latencies: list[float], elapsed: float, failures: list) -> dict:
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "failures": len(failures),
    }


def show(label: str, result: dict) -> None:
    failed = f", {result['failures']} failed" if result["failures"] else ""
    print(f"{label:<46} {result['rps']:7.0f} req/s  p50 {result['p50']:6.1f} ms  p99 {result['p99']:6.1f} ms{failed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--readers", type=int, default=400)
    parser.add_argument("--redis", metavar="URL", help="cache and view buffer in this Redis (a database of your own)")
    args = parser.parse_args()
    if args.redis:
        os.environ |= {"REDIS_URL": args.redis, "CACHE_KEY_PREFIX": f"bench-nginx-{os.getpid()}"}

    import django

    django.setup()
    from django.core.cache import cache

    from news.models import Article

    article = build_data()
    cache.clear()
    port = free_port()
    hosts = "portal.bench,127.0.0.1"
    server = start_server(port, {**os.environ, "TRUSTED_PROXIES": "127.0.0.1", "ALLOWED_HOSTS": hosts})
    prefix = Path(tempfile.mkdtemp(prefix="portal-bench-nginx-"))
    nginx, https_port = start_nginx(prefix, port)
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        print(f"gunicorn 2 workers × 4 threads behind nginx (deploy/nginx/portal.conf), {args.connections} connections")
        lists = ["/", "/tin-moi/"]
        show("home + latest, nginx (micro-cached)", load(https_port, tls=True, paths=lists, **_run(args)))
        show("home + latest, gunicorn directly", load(port, tls=False, paths=lists, **_run(args)))
        path = article.get_absolute_url()
        show(f"article, nginx, {args.readers} readers × 3", readers_of(https_port, tls=True, path=path, **_many(args)))
        counted = Article.objects.get(pk=article.pk)
        subprocess.run([sys.executable, "manage.py", "flush_views", "-v", "0"], cwd=ROOT, check=True)
        counted.refresh_from_db()
        expected = args.readers
        print(f"article views stored after flush_views: {counted.view_count} (distinct readers: {expected})")
        if counted.view_count != expected:
            raise SystemExit("MISMATCH")
    finally:
        nginx.terminate()
        server.terminate()
        nginx.wait(10)
        server.wait(15)


def _run(args) -> dict:
    return {"seconds": args.seconds, "connections": args.connections}


def _many(args) -> dict:
    return {"readers": args.readers, "connections": args.connections}


if __name__ == "__main__":
    main()
