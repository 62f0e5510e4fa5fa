"""The admin's "view on site" shortcut redirects only to what the person may see in the admin."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from news.models import Article
from tests.factories import make_article, make_campaign

pytestmark = pytest.mark.django_db


def _shortcut(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


def test_a_writer_cannot_learn_the_slug_of_another_writers_draft(client, writer, editor):
    draft = make_article("Kế hoạch nhân sự chưa công bố", status=Article.Status.DRAFT, created_by=editor)
    client.force_login(writer)
    response = client.get(_shortcut(draft))
    assert response.status_code == 404
    assert draft.slug not in response.get("Location", "")


def test_a_writer_follows_the_shortcut_of_their_own_article(client, writer):
    own = make_article("Bài của tôi", created_by=writer)
    client.force_login(writer)
    response = client.get(_shortcut(own))
    assert response.status_code == 302
    assert response["Location"].endswith(own.get_absolute_url())


def test_an_editor_follows_the_shortcut_of_any_article(client, editor, writer):
    draft = make_article("Bản nháp của phóng viên", status=Article.Status.DRAFT, created_by=writer)
    client.force_login(editor)
    assert client.get(_shortcut(draft))["Location"].endswith(draft.get_absolute_url())


def test_other_models_need_their_view_permission(client, writer, editor):
    campaign = make_campaign()
    client.force_login(writer)  # writers view campaigns (to pick them in the article form)
    assert client.get(_shortcut(campaign)).status_code == 302


@pytest.mark.parametrize("path", ["r/99999/1/", "r/1/abc/", "r/1/999999/"])
def test_bad_addresses_are_not_found(client, editor, path):
    client.force_login(editor)
    assert client.get(f"/admin/{path}").status_code == 404
