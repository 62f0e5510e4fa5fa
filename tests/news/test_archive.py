"""The archive by month: an index of months with counts, and each month's articles."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from news.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args):
    return datetime.datetime(*args, tzinfo=HCM)


@pytest.fixture
def articles():
    return {
        "may_first": make_article("Đầu tháng Năm", published_at=at(2024, 5, 1, 0, 30)),
        "may_last": make_article("Cuối tháng Năm", published_at=at(2024, 5, 31, 23, 30)),
        # 1/6 00:30 in Hà Nội is 31/5 17:30 UTC: June for readers in Vietnam
        "june_first": make_article("Đầu tháng Sáu", published_at=at(2024, 6, 1, 0, 30)),
        "draft": make_article("Nháp tháng Năm", published_at=at(2024, 5, 10), status=Article.Status.DRAFT),
        "older": make_article("Năm trước", published_at=at(2023, 12, 31, 12)),
    }


class ArchiveTests:
    def test_month_counts_in_local_time(self, articles):
        counts = Article.objects.published().month_counts()
        rows = [(row["month"].year, row["month"].month, row["count"]) for row in counts]
        assert rows == [(2024, 6, 1), (2024, 5, 2), (2023, 12, 1)]

    def test_index_lists_months_with_counts_and_links(self, client, articles, django_assert_max_num_queries):
        client.get(reverse("news:archive"))
        with django_assert_max_num_queries(8):
            response = client.get(reverse("news:archive"))
        html = response.content.decode()
        assert "Năm 2024" in html and "Năm 2023" in html
        assert "Tháng 05 (2 bài)" in html and "Tháng 06 (1 bài)" in html
        assert reverse("news:archive-month", kwargs={"year": 2024, "month": 5}) == "/luu-tru/2024/05/"
        assert 'href="/luu-tru/2024/05/"' in html

    def test_month_page_lists_that_months_published_articles(self, client, articles):
        response = client.get("/luu-tru/2024/05/")
        assert response.status_code == 200
        assert [a.title for a in response.context["articles"]] == ["Cuối tháng Năm", "Đầu tháng Năm"]
        assert "Lưu trữ tháng 05/2024" in response.content.decode()

    def test_an_empty_month_says_so(self, client, articles):
        response = client.get("/luu-tru/2020/02/")
        assert response.status_code == 200
        assert "Chưa có bài viết nào." in response.content.decode()

    @pytest.mark.parametrize(
        "url", ["/luu-tru/2024/13/", "/luu-tru/2024/00/", "/luu-tru/2024/5/", "/luu-tru/0000/05/", "/luu-tru/99999/01/"]
    )
    def test_impossible_months_are_404(self, client, url):
        response = client.get(url)
        assert response.status_code == 404
