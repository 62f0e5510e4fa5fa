import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Cached blocks (menu, slogans) must not leak from one test into the next."""
    from portal.visitors.hints import recent

    cache.clear()
    recent.clear()  # the view counter's per-process hints, like the cache, must start empty
    yield
    cache.clear()
    recent.clear()


BROWSER_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
)


@pytest.fixture
def client():
    """The test client as a reader's browser: a request without User-Agent is a bot's and counts no view."""
    from django.test import Client

    return Client(HTTP_USER_AGENT=BROWSER_USER_AGENT)


def _group(name):
    """The role's group; made again if a transactional test (browser, concurrency) flushed the migration's rows."""
    from django.contrib.auth.models import Group

    if not Group.objects.filter(name=name).exists():
        from django.db import connection
        from django.db.migrations.loader import MigrationLoader

        from portal.roles import sync_roles

        sync_roles(MigrationLoader(connection).project_state().apps)
    return Group.objects.get(name=name)


@pytest.fixture
def editor(django_user_model):
    from portal.roles import EDITOR

    user = django_user_model.objects.create_user("bientap", password="mat-khau-bien-tap", is_staff=True)
    user.groups.add(_group(EDITOR))
    return user


@pytest.fixture
def writer(django_user_model):
    from portal.roles import WRITER

    user = django_user_model.objects.create_user("phongvien", password="mat-khau-phong-vien", is_staff=True)
    user.groups.add(_group(WRITER))
    return user


@pytest.fixture
def administrator(django_user_model):
    from portal.roles import ADMINISTRATOR

    user = django_user_model.objects.create_user("quantri", password="mat-khau-quan-tri", is_staff=True)
    user.groups.add(_group(ADMINISTRATOR))
    return user


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run tests that commit real transactions (live_server, threads) last, as Django's runner does.

    Their teardown empties every table, including the roles made by data migrations, which the other tests
    rely on. The sort is stable, so the order within each group stays as collected.
    """

    def commits(item) -> bool:
        marker = item.get_closest_marker("django_db")
        fixtures = getattr(item, "fixturenames", ())
        return bool(
            (marker and marker.kwargs.get("transaction")) or "live_server" in fixtures or "transactional_db" in fixtures
        )

    items.sort(key=commits)
