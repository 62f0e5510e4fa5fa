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


def _restore_roles(roles: dict[str, list[tuple[str, str]]], using: str) -> None:
    """Make the groups ``roles`` lists again, each with its permissions, by app label and codename."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    if Group.objects.using(using).exists():
        return  # not after a flush
    for app_config in apps.get_app_configs():  # the flush makes them app by app; the roles need them all now
        create_permissions(app_config, verbosity=0, using=using)
    by_key = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.using(using).select_related("content_type")
    }
    for name, keys in roles.items():
        group = Group.objects.using(using).create(name=name)
        group.permissions.set([by_key[key] for key in keys])
    # As the migrations left the database: their role syncs wrote no audit events (portal.accounts), this did.
    from portal.accounts.models import AuditEvent

    AuditEvent.objects.using(using).all().delete()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The roles (groups made by data migrations) outlive the flush that ends each transactional test.

    A transactional test (browser, threads) empties every table, the roles' groups too, and the flush then sends
    post_migrate, as migrate does. The groups are remembered as the migrations left them and made again there,
    so the tests after it, in any order, find exactly what the data migrations made.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group

    with django_db_blocker.unblock():
        roles = {
            group.name: list(group.permissions.values_list("content_type__app_label", "codename"))
            for group in Group.objects.all()
        }

    def restore(sender, using, **kwargs):
        _restore_roles(roles, using)

    # post_migrate goes only to apps with models (the project app "portal" has none): auth always has some.
    auth = apps.get_app_config("auth")
    post_migrate.connect(restore, sender=auth, weak=False, dispatch_uid="tests-restore-roles")
    yield
    post_migrate.disconnect(sender=auth, dispatch_uid="tests-restore-roles")


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
