"""Home page curation: the editors' featured stories, their order, and the time until which each stays featured."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def featured(title, position, **fields):
    return make_article(title, is_featured=True, featured_position=position, **fields)


def test_featured_stories_come_in_the_editors_order():
    third = featured("Ba", 3)
    first = featured("Một", 1)
    second = featured("Hai", 2)
    make_article("Không nổi bật")
    assert list(Article.objects.featured()) == [first, second, third]


def test_a_story_past_its_featured_time_leaves_the_featured_list():
    now = timezone.now()
    kept = featured("Còn hạn", 2, featured_until=now + HOUR)
    featured("Hết hạn", 1, featured_until=now - HOUR)
    assert list(Article.objects.featured()) == [kept]


def test_drafts_and_scheduled_articles_are_not_featured():
    featured("Nháp", 1, status=Article.Status.DRAFT)
    featured("Hẹn giờ", 1, published_at=timezone.now() + HOUR)
    assert not Article.objects.featured().exists()


def test_the_home_page_leads_with_the_first_and_shows_three_more_in_order(client):
    stories = [featured(f"Tin nổi bật số {n}", n) for n in (1, 2, 3, 4, 5)]
    make_article("Tin thường mới nhất", published_at=timezone.now())
    html = client.get("/").content.decode()
    lead = html.index('class="featured__title"')
    more = html.index('class="featured__more"')
    assert lead < html.index("Tin nổi bật số 1") < more
    positions = [html.index(f"Tin nổi bật số {n}", more) for n in (2, 3, 4)]
    assert positions == sorted(positions)
    assert "Tin nổi bật số 5" in html  # the fifth is still news: it is among the latest
    latest = html.index("Tin mới nhất")
    assert (
        "Tin nổi bật số 1" not in html[latest : html.index("</section>", latest)]
    )  # a featured story is not repeated in the latest
    assert stories


def test_with_nothing_featured_the_newest_article_leads(client):
    make_article("Bài cũ", published_at=timezone.now() - 2 * HOUR)
    make_article("Bài mới nhất", published_at=timezone.now() - HOUR)
    html = client.get("/").content.decode()
    assert html.index("Bài mới nhất") < html.index('class="featured__body"') + 400
    assert "featured__more" not in html


@pytest.fixture
def stories():
    return [featured("Một", 1), featured("Hai", 2)]


def test_editors_reorder_and_set_an_end_time_from_the_list(client, editor, stories):
    client.force_login(editor)
    url = reverse("admin:news_featuredarticle_changelist")
    page = client.get(url)
    assert page.status_code == 200
    one, two = stories
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": one.pk,
        "form-0-featured_position": "5",
        "form-0-featured_until_0": "",
        "form-0-featured_until_1": "",
        "form-1-id": two.pk,
        "form-1-featured_position": "1",
        "form-1-featured_until_0": "2026-12-31",
        "form-1-featured_until_1": "17:00",
        "_save": "Lưu",
    }
    response = client.post(url, data)
    assert response.status_code == 302, re.findall(r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), re.S)
    assert list(Article.objects.featured().values_list("title", flat=True)) == ["Hai", "Một"]
    two.refresh_from_db()
    assert timezone.localtime(two.featured_until).strftime("%d/%m/%Y %H:%M") == "31/12/2026 17:00"


def test_unfeaturing_keeps_the_article(client, editor, stories):
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_featuredarticle_changelist"),
        {"action": "unfeature", "_selected_action": [stories[0].pk]},
        follow=True,
    )
    assert "Đã bỏ 1 bài khỏi tin nổi bật." in response.content.decode()
    assert list(Article.objects.featured()) == [stories[1]]
    assert Article.objects.filter(pk=stories[0].pk).exists()


def test_the_article_list_action_features_articles(client, editor):
    article = make_article("Sắp nổi bật")
    client.force_login(editor)
    client.post(
        reverse("admin:news_article_changelist"), {"action": "feature_selected", "_selected_action": [article.pk]}
    )
    assert list(Article.objects.featured()) == [article]


def test_writers_cannot_curate(client, writer, stories):
    client.force_login(writer)
    assert client.get(reverse("admin:news_featuredarticle_changelist")).status_code == 403
    add = client.get(reverse("admin:news_article_add")).content.decode()
    assert 'name="featured_until_0"' not in add and 'name="featured_position"' not in add
