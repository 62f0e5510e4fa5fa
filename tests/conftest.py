import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Cached blocks (menu, slogans) must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


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
