"""Browser tests: Debian's Chromium driven headless by Playwright, against pytest-django's live_server.

Playwright cannot download a browser here, so it launches /usr/bin/chromium. Where Chromium is absent the
tests skip and say so (on CI they fail); .ci/run installs it.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.services import missing

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# live_server runs Django in a thread while Playwright's sync API holds an event loop in this one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_runtest_setup(item):
    if "browser" in item.keywords and not Path(CHROMIUM).exists():
        missing(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ],
    }


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/screenshots/ and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def pick_in_select2(page, field: str, typed: str, option: str) -> None:
    """Choose ``option`` in the admin's autocomplete ``field`` (a CSS class such as "field-category"), typing into
    its own search box once it is open: keys typed before it takes the focus would land in the editor and replace
    a selected picture."""
    page.locator(f".{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.click(f".select2-results__option >> text={option}")
