"""A publication time in the future schedules an article: it appears by itself at that time, not a second earlier.

``Article.objects.published()`` is the one definition; these tests walk a frozen clock across the time and look
at every place readers could meet the article.
"""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import strip_tags

from news import sitemap_pages
from news.models import Article
from tests.factories import make_article, make_campaign, make_category, make_theme

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 5, 19, 7, 0, tzinfo=datetime.UTC)  # 14:00 in Hanoi
AT = NOW + datetime.timedelta(hours=2)
TITLE = "Đảng ủy Sở kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh"


@pytest.fixture
def scheduled():
    """A published article due at ``AT``, sharing category, tag, campaign and theme with an older one."""
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
        category = make_category("Hoạt động Đảng bộ")
        campaign = make_campaign(code="01-KL/TW")
        theme = make_theme(campaign, year=2024)
        older = make_article(
            "Chi bộ Văn phòng học tập chuyên đề năm 2024",
            category=category,
            tags=["Kết luận 01"],
            campaigns=[campaign],
            themes=[theme],
            published_at=NOW - datetime.timedelta(days=1),
        )
        article = make_article(
            TITLE,
            category=category,
            tags=["Kết luận 01"],
            campaigns=[campaign],
            themes=[theme],
            published_at=AT,
            is_featured=True,
            view_count=10_000,
        )
    return article, older


def pages(article, older):
    tag = article.tags.get()
    campaign = article.campaigns.get()
    theme = article.themes.get()
    return {
        "home": reverse("home"),
        "latest": reverse("news:latest"),
        "category": article.category.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "campaign": campaign.get_absolute_url(),
        "theme": theme.get_absolute_url(),
        # The article's own page of the sitemap (pages are ranges of ids).
        "sitemap": reverse("sitemap-section", args=["articles"])
        + f"?p={sitemap_pages.page_of(article.pk, sitemap_pages.page_size())}",
        "related news under the older article": older.get_absolute_url(),
    }


@pytest.mark.parametrize(
    ("moment", "visible"),
    [
        (AT - datetime.timedelta(seconds=1), False),
        (AT, True),
        (AT + datetime.timedelta(days=3), True),
    ],
    ids=["a-second-before", "on-time", "later"],
)
def test_a_scheduled_article_appears_everywhere_at_its_time(client, scheduled, moment, visible):
    article, older = scheduled
    with time_machine.travel(moment, tick=False):
        for name, url in pages(article, older).items():
            html = client.get(url).content.decode()
            needle = article.slug if name == "sitemap" else TITLE
            assert (needle in html) is visible, f"{name} at {moment:%H:%M:%S}"
        response = client.get(article.get_absolute_url())
        assert response.status_code == (200 if visible else 404)


def test_the_view_counter_does_not_move_before_the_time(client, scheduled):
    article, _older = scheduled
    with time_machine.travel(AT - datetime.timedelta(minutes=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
    article.refresh_from_db()
    assert article.view_count == 10_000
    with time_machine.travel(AT, tick=False):
        page = client.get(article.get_absolute_url())
        assert "Lượt xem: 10.001" in strip_tags(page.content.decode())


def test_most_viewed_and_featured_wait_for_the_time(scheduled):
    article, _older = scheduled
    with time_machine.travel(AT - datetime.timedelta(seconds=1), tick=False):
        assert article not in Article.objects.most_viewed()
        assert article not in Article.objects.featured()
    with time_machine.travel(AT, tick=False):
        assert Article.objects.most_viewed()[0] == article
        assert Article.objects.featured()[0] == article


@pytest.mark.parametrize("status", [Article.Status.IN_REVIEW, Article.Status.RETURNED, Article.Status.WITHDRAWN])
def test_articles_outside_published_never_appear(client, status):
    article = make_article(TITLE, status=status)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert TITLE not in client.get(reverse("news:latest")).content.decode()
