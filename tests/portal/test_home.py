import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from portal.context_processors import MENU_CACHE_KEY
from portal.site_parts.models import Slogan
from tests.factories import make_article, make_campaign, make_category, make_theme

pytestmark = pytest.mark.django_db


def test_home_shows_featured_latest_campaign_blocks_slogans_and_menu(client):
    section = make_category("Học tập và làm theo Bác")
    campaign = make_campaign(code="01-KL/TW", kind="ket-luan")
    year = timezone.localdate().year
    theme = make_theme(campaign, year=year, title="Chuyên đề của năm nay")
    make_theme(campaign, year=year - 3, title="Chuyên đề năm cũ")
    featured = make_article("Tin nổi bật của tuần", is_featured=True, category=section)
    latest = make_article("Tin mới đăng", campaigns=[campaign], category=section)
    Slogan.objects.create(text="THƯỜNG XUYÊN HỌC TẬP VÀ LÀM THEO BÁC")

    html = client.get("/").content.decode()

    assert featured.title in html
    assert latest.title in html
    assert "Kết luận 01-KL/TW" in html
    assert theme.title in html
    assert "Chuyên đề năm cũ" not in html
    assert "THƯỜNG XUYÊN HỌC TẬP VÀ LÀM THEO BÁC" in html
    assert section.get_absolute_url() in html
    assert "Xem nhiều nhất" in html


def test_home_without_any_content_still_renders(client):
    response = client.get("/")
    assert response.status_code == 200


def test_home_never_shows_drafts_or_scheduled_news(client):
    make_article("Bản nháp trang chủ", status=Article.Status.DRAFT, is_featured=True)
    make_article("Bài hẹn giờ", published_at=timezone.now() + datetime.timedelta(minutes=5), is_featured=True)
    html = client.get("/").content.decode()
    assert "Bản nháp trang chủ" not in html
    assert "Bài hẹn giờ" not in html


def test_scheduled_article_appears_at_its_time_without_any_job(client):
    publish_at = timezone.now() + datetime.timedelta(hours=2)
    article = make_article("Bài hẹn giờ đăng", published_at=publish_at)
    assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [4, 40])
def test_home_query_count_does_not_grow(client, n, django_assert_max_num_queries):
    sections = [make_category(f"Mục {i}") for i in range(4)]
    campaigns = [make_campaign() for _ in range(3)]
    for i in range(n):
        make_article(category=sections[i % 4], campaigns=[campaigns[i % 3]], tags=["t"], is_featured=i == 0)
    client.get("/")
    with django_assert_max_num_queries(10):
        assert client.get("/").status_code == 200


def test_menu_is_cached_and_refreshed_when_a_category_changes(client):
    category = make_category("Tên cũ")
    make_category("Mục con", parent=category)
    make_campaign(is_current=True)
    client.get("/")  # every other cached block of the page is warm from here on
    cache.delete(MENU_CACHE_KEY)
    with CaptureQueriesContext(connection) as building:
        assert "Tên cũ" in client.get("/").content.decode()
    with CaptureQueriesContext(connection) as cached:
        assert "Mục con" in client.get("/").content.decode()
    # The menu's three reads (top-level categories, their children, current campaigns) happen only once.
    assert len(building) - len(cached) == 3

    category.name = "Tên mới"
    category.save()
    assert cache.get(MENU_CACHE_KEY) is None
    html = client.get("/").content.decode()
    assert "Tên mới" in html
    assert "Tên cũ" not in html


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/news/comment/?status=pending", "/admin/comments/comment/?status=pending"),
        ("/admin/portal/poll/3/change/", "/admin/polls/poll/3/change/"),
        ("/admin/portal/slogan/", "/admin/site_parts/slogan/"),
    ],
)
def test_admin_addresses_from_before_the_apps_moved_redirect(client, old, new):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
