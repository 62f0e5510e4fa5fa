"""Anonymous readers get pages from the cache; what the page cache keeps and what it never keeps."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import Article
from news.preview import preview_token
from tests.factories import make_article

from .conftest import cache_state, reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article("Chi bộ Văn phòng học tập chuyên đề năm 2024", view_count=10)


def test_the_second_read_of_a_page_comes_from_the_cache_without_a_query(article):
    first, second = reader(), reader()
    assert cache_state(first.get("/")) == "miss"
    second.get("/")  # the second reader's first page: their visit of the day is written
    with CaptureQueriesContext(connection) as queries:
        response = second.get("/")
    assert cache_state(response) == "hit"
    assert article.title in response.content.decode()
    assert len(queries) == 0


def test_page_cache_seconds_zero_turns_it_off(article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    browser = reader()
    browser.get("/")
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề đổi không qua lưu")  # no signal
    response = browser.get("/")
    assert cache_state(response) is None
    assert "Tiêu đề đổi không qua lưu" in response.content.decode()


def test_the_query_string_is_part_of_the_address(article):
    browser = reader()
    assert cache_state(browser.get("/tim-kiem/?q=chi+bo")) == "miss"
    assert cache_state(browser.get("/tim-kiem/?q=van+phong")) == "miss"
    assert cache_state(browser.get("/tim-kiem/?q=chi+bo")) == "hit"


def test_a_logged_in_person_is_never_served_from_the_cache_nor_fills_it(article, editor):
    staff = reader()
    staff.force_login(editor)
    anonymous = reader()
    anonymous.get(article.get_absolute_url())  # cached now
    Article.objects.filter(pk=article.pk).update(title="Sửa thẳng trong cơ sở dữ liệu")  # no signal
    staff_page = staff.get(article.get_absolute_url())
    assert cache_state(staff_page) is None
    assert "Sửa thẳng trong cơ sở dữ liệu" in staff_page.content.decode()
    assert "private" in staff_page["Cache-Control"]
    assert "Sửa thẳng" not in anonymous.get(article.get_absolute_url()).content.decode()  # the staff page was not kept


def test_previews_are_never_cached(editor):
    draft = make_article("Bản nháp chưa đăng", status=Article.Status.DRAFT, published_at=None)
    staff = reader()
    staff.force_login(editor)
    staff_preview = staff.get(reverse("news:article-preview", args=[draft.pk]))
    assert staff_preview.status_code == 200 and cache_state(staff_preview) is None
    url = reverse("news:article-preview-signed", kwargs={"token": preview_token(draft)})
    first = reader().get(url)
    assert first.status_code == 200 and "Bản nháp chưa đăng" in first.content.decode()
    second = reader().get(url)
    assert cache_state(first) is None and cache_state(second) is None
    assert "no-store" in second["Cache-Control"]


def test_posts_and_error_pages_are_never_cached(article):
    browser = reader()
    missing = "/bai-viet/khong-co-bai-nay/"
    assert browser.get(missing).status_code == 404
    assert cache_state(browser.get(missing)) is None
    post = browser.post(reverse("comments:comment-post", kwargs={"slug": article.slug}), {"text": ""})
    assert cache_state(post) is None


def test_a_request_with_a_session_or_messages_skips_the_cache(article):
    browser = reader()
    browser.get("/")
    browser.cookies["messages"] = "anything"
    assert cache_state(browser.get("/")) is None
    del browser.cookies["messages"]
    browser.cookies["sessionid"] = "anything"
    assert cache_state(browser.get("/")) is None


def test_head_is_answered_from_the_cache_without_rendering(article, django_assert_num_queries):
    browser = reader()
    head = browser.head(article.get_absolute_url())
    assert head.status_code == 200 and head.content == b""
    assert cache_state(head) is None  # a HEAD's answer has no page to keep
    assert cache_state(browser.get(article.get_absolute_url())) == "miss"
    with django_assert_num_queries(0):
        head = browser.head(article.get_absolute_url())
    assert cache_state(head) == "hit" and head.content == b""
    assert head["Content-Type"].startswith("text/html")


@pytest.mark.urls("tests.pagecache.urls")
@pytest.mark.parametrize(
    "url",
    ["/thu/dat-cookie/", "/thu/rieng/", "/thu/khong-luu/", "/thu/theo-trinh-duyet/"],
    ids=["own-cookie", "private", "never-cache", "varies-on-user-agent"],
)
def test_pages_that_are_someones_own_are_never_kept(url):
    first, second = reader().get(url), reader().get(url)
    assert first.status_code == 200 and cache_state(second) is None
    assert first.content != second.content  # rendered twice


@pytest.mark.urls("tests.pagecache.urls")
def test_a_page_for_everyone_is_kept():
    first, second = reader().get("/thu/trang/"), reader().get("/thu/trang/")
    assert cache_state(second) == "hit" and first.content == second.content
