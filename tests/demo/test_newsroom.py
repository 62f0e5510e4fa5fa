"""The demo newsroom: made by demo_users after seed_demo, through the services, once."""

import io

import pytest
from django.core.management import call_command

from news.models import Article, ArticleEvent, ArticleNote
from portal.demo.data import load
from portal.notifications.models import Notification

pytestmark = pytest.mark.django_db
Status = Article.Status


def snapshot():
    return (
        Article.objects.count(),
        ArticleEvent.objects.count(),
        ArticleNote.objects.count(),
        Notification.objects.count(),
    )


def test_the_newsroom_shows_every_step_and_a_second_run_adds_nothing(seed_demo, settings, tmp_path):
    settings.SQLITE_PATH = tmp_path / "db.sqlite3"
    seed_demo()
    call_command("demo_users", stdout=io.StringIO())
    slugs = [item["slug"] for item in load("newsroom")["articles"]]
    states = dict(Article.objects.filter(slug__in=slugs).values_list("slug", "status"))
    assert sorted(states.values()) == sorted(
        [Status.IN_REVIEW, Status.RETURNED, Status.PUBLISHED, Status.PUBLISHED, Status.WITHDRAWN]
    )
    assert Article.objects.filter(slug__in=slugs).scheduled().count() == 2
    assert ArticleNote.objects.filter(parent__isnull=False).count() == 2
    assert Notification.objects.filter(recipient__username="phongvien").exists()
    assert Notification.objects.filter(recipient__username="bientap").exists()
    before = snapshot()
    call_command("demo_users", stdout=io.StringIO())
    assert snapshot() == before


def test_without_articles_demo_users_makes_only_the_logins(settings, tmp_path):
    settings.SQLITE_PATH = tmp_path / "db.sqlite3"
    out = io.StringIO()
    call_command("demo_users", stdout=out)
    assert "bỏ qua" in out.getvalue()
    assert not Article.objects.exists()
