"""While the database does not answer, pages in the cache are still served; the others get the 503 page."""

import pytest
from django.db import OperationalError, connection

from tests.factories import make_article

from .conftest import cache_state, reader

pytestmark = pytest.mark.django_db


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("couldn't get a connection after 3.00 sec")


def test_a_cached_page_is_served_while_the_database_is_down():
    article = make_article("Tin được đọc nhiều trong ngày", view_count=7)
    browser = reader()
    browser.get(article.get_absolute_url())
    browser.get("/")
    with connection.execute_wrapper(refuse_every_query):
        page = browser.get(article.get_absolute_url())
        home = browser.get("/")
        newcomer = reader().get(article.get_absolute_url())  # no cookies yet: a new visitor
        uncached = browser.get("/tim-kiem/?q=chi+bo")
    assert page.status_code == 200 and cache_state(page) == "hit" and article.title in page.content.decode()
    assert home.status_code == 200 and cache_state(home) == "hit"
    assert newcomer.status_code == 200 and 'name="csrfmiddlewaretoken"' in newcomer.content.decode()
    assert uncached.status_code == 503
