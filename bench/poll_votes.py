"""Concurrent votes against a real server: are all distinct visitors counted, and each visitor only once?

Usage:
    .venv/bin/python bench/poll_votes.py [--visitors 200] [--connections 16] [--repeats 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/poll_votes.py

It builds a throwaway database (a temporary SQLite file by default; with DATABASE_URL, that database is
emptied and refilled, so never point it at real data), creates one poll, starts gunicorn (2 workers) on a free
port, and sends, over --connections parallel connections, one vote from each of --visitors distinct visitors,
each of them --repeats times at once (same cookie). It prints the votes stored per choice against the number of
distinct visitors, and how many repeated votes were refused.
"""

import argparse
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
if "DATABASE_URL" not in os.environ:
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own local server)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visitors", type=int, default=200)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=5, help="simultaneous votes per visitor (default 5)")
    return parser.parse_args()


def build_poll():
    """A fresh database with one poll of three choices."""
    from django.core.management import call_command

    from portal.polls.models import Poll, PollChoice

    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    poll = Poll.objects.create(question="Bạn đánh giá như thế nào về trang thông tin điện tử này?")
    choices = [PollChoice.objects.create(poll=poll, text=t, position=i) for i, t in enumerate(["A", "B", "C"])]
    return poll, choices


def start_server(port: int) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def vote_as_visitors(base: str, poll, choices, args) -> tuple[dict, float]:
    """Every visitor votes, then repeats at once; the outcomes by message, and the seconds it all took."""
    outcomes = {"accepted": 0, "refused": 0, "other": 0}
    lock = threading.Lock()

    def visitor(n: int) -> None:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(base + poll.get_absolute_url()).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        # The first vote sets the visitor's cookie; the repeats then race each other with that same cookie.
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "choice": choices[n % 3].pk}).encode()
        url = base + f"/tham-do-y-kien/{poll.pk}/binh-chon/"

        def vote(_=None) -> str:
            request = urllib.request.Request(url, data=body, headers={"Referer": base})  # noqa: S310 (http://127.0.0.1)
            return opener.open(request).read().decode()

        results = [vote()]
        with ThreadPoolExecutor(args.repeats) as same_visitor:
            results += list(same_visitor.map(vote, range(args.repeats)))
        with lock:
            for html in results:
                outcomes[outcome(html)] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(args.connections) as pool:
        list(pool.map(visitor, range(args.visitors)))
    return outcomes, time.perf_counter() - started


def outcome(html: str) -> str:
    if "Cảm ơn bạn đã gửi bình chọn." in html:
        return "accepted"
    if "Bạn đã bình chọn trong cuộc thăm dò này rồi" in html:
        return "refused"
    return "other"


def report(poll, choices, args, outcomes: dict, elapsed: float) -> None:
    """Print what was stored against the distinct visitors; exit with MISMATCH if they differ."""
    from django.db import connection

    from portal.polls.models import PollVote

    stored = PollVote.objects.filter(poll=poll).count()
    per_choice = [PollVote.objects.filter(choice=c).count() for c in choices]
    expected = [len(range(i, args.visitors, 3)) for i in range(3)]
    print(f"database: {connection.vendor}; {args.visitors} visitors × (1 + {args.repeats}) votes")
    print(f"votes stored: {stored} (distinct visitors: {args.visitors}); per choice {per_choice}, expected {expected}")
    print(
        f"answers: {outcomes['accepted']} accepted, {outcomes['refused']} refused as repeats, {outcomes['other']} "
        "without a message (its one-time message went to a parallel request of the same visitor)"
    )
    requests = args.visitors * (3 + 2 * args.repeats)  # a page, then each vote's POST and its redirect
    print(f"time: {elapsed:.1f} s, {requests / elapsed:.0f} requests/s")
    if stored != args.visitors or per_choice != expected:
        raise SystemExit("MISMATCH")


def main() -> None:
    args = parse_args()

    import django

    django.setup()
    poll, choices = build_poll()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port)
    try:
        wait_for(base + poll.get_absolute_url())
        outcomes, elapsed = vote_as_visitors(base, poll, choices, args)
    finally:
        server.terminate()
        server.wait(10)
    report(poll, choices, args, outcomes, elapsed)


if __name__ == "__main__":
    main()
