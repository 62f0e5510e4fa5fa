import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Cached blocks (menu, slogans) must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    from portal.roles import EDITOR

    user = django_user_model.objects.create_user("bientap", password="mat-khau-bien-tap", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def administrator(django_user_model):
    from django.contrib.auth.models import Group

    from portal.roles import ADMINISTRATOR

    user = django_user_model.objects.create_user("quantri", password="mat-khau-quan-tri", is_staff=True)
    user.groups.add(Group.objects.get(name=ADMINISTRATOR))
    return user
