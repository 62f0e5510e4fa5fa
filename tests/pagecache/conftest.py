import pytest
from django.test import Client

from tests.conftest import BROWSER_USER_AGENT


def reader(**extra) -> Client:
    """A reader's browser of its own (cookies apart from every other reader's)."""
    return Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, **extra)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 120


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


@pytest.fixture(autouse=True)
def _comment_settings(db):
    """The comment settings' row is made on the first page that needs it: a save, which empties the page cache.
    Made here, so that a test's first page is not emptied by it."""
    from news.comments.models import CommentSettings

    CommentSettings.current()
