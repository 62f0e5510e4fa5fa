import pytest
from django.core.cache import cache
from django.db.models.signals import post_migrate

from tests.services import missing


def pytest_runtest_setup(item):
    """Tests marked postgres need PostgreSQL: skipped on SQLite, failed there on CI (.ci/run deselects them)."""
    from django.db import connection

    marker = item.get_closest_marker("postgres")
    if marker and connection.vendor != "postgresql":
        missing(f"needs PostgreSQL: {marker.args[0] if marker.args else 'this is a PostgreSQL feature'}")


def _resync_roles(sender, using, **kwargs):
    from django.contrib.auth.models import Group
    from django.db import connections
    from django.db.migrations.loader import MigrationLoader

    from portal.roles import sync_roles

    if Group.objects.using(using).exists():
        return  # migrate itself: the roles are the data migrations' own, which the roles' tests check
    # With the migrations' models, as the data migrations call it (sync_roles changes the app configs it gets).
    sync_roles(MigrationLoader(connections[using]).project_state().apps)


@pytest.fixture(scope="session", autouse=True)
def _roles_survive_flushes():
    """A transactional test (browser, threads) ends with a flush that empties every table, the roles' groups too.

    The flush then sends post_migrate, as migrate does: make the roles again there, so the tests after it, in
    any order, find the groups the data migrations made.
    """
    from django.apps import apps

    portal = apps.get_app_config("portal")
    post_migrate.connect(_resync_roles, sender=portal, dispatch_uid="tests-resync-roles")
    yield
    post_migrate.disconnect(sender=portal, dispatch_uid="tests-resync-roles")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Cached blocks (menu, slogans) must not leak from one test into the next."""
    from portal.visitors import recent

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
    from django.contrib.auth.models import Group

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
