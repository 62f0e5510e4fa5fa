"""deploy/systemd/: the units parse, and the service and the timer say what the README says they do."""

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from deploy.render import DEFAULTS

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"


def unit(name: str) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNITS / name)
    return parser


def test_systemd_accepts_the_units():
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    names = sorted(str(path) for path in UNITS.iterdir())
    result = subprocess.run([analyze, "verify", *names], capture_output=True, text=True, cwd=UNITS)  # noqa: S603
    # The only complaint allowed: the portal is not installed in /srv/portal on this machine.
    problems = [line for line in result.stderr.splitlines() if line and "is not executable" not in line]
    assert problems == []


def test_gunicorn_takes_its_socket_and_the_timer_runs_flush_views_every_minute():
    service, socket = unit("portal.service"), unit("portal.socket")
    assert service["Unit"]["Requires"] == "portal.socket"
    assert service["Service"]["EnvironmentFile"] == "/etc/portal/portal.env"
    assert "portal.wsgi" in service["Service"]["ExecStart"]
    assert f"unix:{socket['Socket']['ListenStream']}" == DEFAULTS["UPSTREAM"]  # where nginx sends requests
    timer, flush = unit("portal-flush-views.timer"), unit("portal-flush-views.service")
    assert timer["Timer"]["OnCalendar"] == "*-*-* *:*:00"
    assert flush["Service"]["ExecStart"].endswith("manage.py flush_views -v 0")


def test_the_mail_worker_runs_the_task_queue_and_comes_back():
    worker = unit("portal-tasks.service")
    assert worker["Service"]["ExecStart"].endswith("manage.py db_worker")
    assert worker["Service"]["Restart"] == "always"
    assert worker["Service"]["EnvironmentFile"] == "/etc/portal/portal.env"
