"""Paginators for large lists: told counts, deep pages read ids first, capped counts."""

import datetime

import pytest
from django.utils import timezone

from news.models import Article, Category
from portal.pagination import DEFERRED_FROM, CappedPaginator, CountedPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def many():
    category = Category.objects.create(name="Tin tức", slug="tin-tuc")
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Bài {n}", slug=f"bai-{n}", lead="Sapo.", body="<p>x</p>", category=category,
            status=Article.Status.PUBLISHED, published_at=now - datetime.timedelta(minutes=n % 97, seconds=n),
        )
        for n in range(DEFERRED_FROM + 60)
    )  # fmt: skip
    return Article.objects.latest()


def test_a_deep_page_has_the_rows_of_the_plain_slice_in_order(many, django_assert_max_num_queries):
    paginator = CountedPaginator(many, 12, count=many.count())
    number = DEFERRED_FROM // 12 + 2
    with django_assert_max_num_queries(2):  # the ids, then the rows
        page = list(paginator.page(number).object_list)
    assert page == list(many[(number - 1) * 12 : number * 12])


def test_a_told_count_is_not_counted_again(many, django_assert_num_queries):
    paginator = CountedPaginator(many, 12, count=999)
    with django_assert_num_queries(0):
        assert paginator.num_pages == 84


def test_a_capped_count_stops_ten_pages_ahead_and_says_there_is_more(many):
    paginator = CappedPaginator(many, 12, number="2")
    assert paginator.count == 12 * 12 and paginator.more
    last = CappedPaginator(many, 12, number=str(paginator.num_pages + 100))
    assert last.count == many.count() and not last.more
