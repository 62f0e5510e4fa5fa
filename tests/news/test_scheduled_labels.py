"""A scheduled article reads "Hẹn giờ đăng 09:00 17/12" in the admin's messages, list and log, never "Đã đăng"."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from news import services
from news.models import Article, ArticleEvent
from tests.news.workflow_helpers import make_draft, post_change

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 16, 15, 0, tzinfo=datetime.UTC)  # 22:00 in Hà Nội
LATER = datetime.datetime(2026, 12, 17, 2, 0, tzinfo=datetime.UTC)  # 09:00 on 17/12 in Hà Nội


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_publish_button_says_when(client, writer, editor):
    article = make_draft(writer, status=Article.Status.IN_REVIEW)
    client.force_login(editor)
    response = post_change(client, article, _publish="Đăng", published_at_0="17/12/2026", published_at_1="09:00:00")
    assert response.status_code == 302, response.context["adminform"].form.errors
    shown = client.get(response.url).content.decode()
    assert "Bài viết: Hẹn giờ đăng 09:00 17/12." in shown
    assert "Bài viết: Đã đăng." not in shown


def test_the_list_and_the_log_say_when(client, writer, editor):
    article = make_draft(writer, status=Article.Status.IN_REVIEW, published_at=LATER)
    services.publish_article(article=article, by=editor)
    assert ArticleEvent.objects.get(action="publish").note == "Hẹn giờ đăng 09:00 17/12"
    client.force_login(editor)
    listing = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "Hẹn giờ đăng 09:00 17/12" in listing
    form = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Đăng bài – bientap: Hẹn giờ đăng 09:00 17/12" in form.replace("\u2013", "–")


def test_the_bulk_action_says_which_wait(client, writer, editor):
    later = make_draft(writer, status=Article.Status.IN_REVIEW, published_at=LATER)
    make_draft(writer, status=Article.Status.IN_REVIEW, title="Bài đăng ngay")
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [a.pk for a in Article.objects.all()]},
        follow=True,
    )
    html = response.content.decode()
    assert "Đã duyệt đăng 2 bài." in html
    assert "1 bài chưa hiện với bạn đọc: Hẹn giờ đăng 09:00 17/12." in html
    later.refresh_from_db()
    assert later.status_label() == "Hẹn giờ đăng 09:00 17/12"


def test_once_the_time_comes_it_reads_published(writer, editor):
    article = make_draft(writer, status=Article.Status.IN_REVIEW, published_at=LATER)
    services.publish_article(article=article, by=editor)
    with time_machine.travel(LATER + datetime.timedelta(minutes=1), tick=False):
        assert article.status_label() == "Đã đăng"
