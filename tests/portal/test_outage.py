"""A database that cannot be reached gives readers and staff a short Vietnamese 503 page, never a 500.

These tests raise the driver's errors from a view or a middleware, so they run on any database; the real outage
(a connection cut between the portal and PostgreSQL, then restored) is in test_outage_postgres.py.
"""

import logging

import psycopg_pool
import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client
from django.urls import reverse

from portal.views import HomeView

pytestmark = pytest.mark.django_db

OUTAGE_TEXT = "Cổng thông tin tạm thời gián đoạn"


def assert_outage_page(response, retry_after: int = 30) -> None:
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == str(retry_after)
    assert OUTAGE_TEXT in html and "vui lòng tải lại trang sau ít phút" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert "no-store" in response["Cache-Control"]  # no cache may keep it once the database is back


@pytest.fixture
def database_down(monkeypatch):
    """The home page's view fails as it does when the pool has no connection to give."""

    def fail(self, **kwargs):
        raise OperationalError("couldn't get a connection after 3.00 sec")

    monkeypatch.setattr(HomeView, "get_context_data", fail)


def test_a_reader_gets_the_vietnamese_503_page_with_retry_after(client, database_down, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get(reverse("home"))
    assert_outage_page(response)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1  # one line, not Django's "Internal Server Error" with a traceback besides
    assert errors[0].name == "portal.outage" and errors[0].exc_info is None
    assert "OperationalError: couldn't get a connection" in errors[0].getMessage()


def test_staff_get_the_same_page_without_a_traceback(client, editor, database_down, settings):
    settings.DEBUG = True  # even where Django would show its technical page
    client.force_login(editor)
    assert_outage_page(client.get(reverse("home")))


@pytest.mark.parametrize(
    "error",
    [
        psycopg_pool.PoolTimeout("couldn't get a connection after 3.00 sec"),
        InterfaceError("connection already closed"),
    ],
)
def test_every_kind_of_unreachable_database_is_a_503(client, monkeypatch, error):
    def fail(self, **kwargs):
        raise error

    monkeypatch.setattr(HomeView, "get_context_data", fail)
    assert_outage_page(client.get(reverse("home")))


def test_retry_after_is_a_setting(client, database_down, settings):
    settings.DB_OUTAGE_RETRY_AFTER = 120
    assert_outage_page(client.get(reverse("home")), retry_after=120)


def test_an_outage_met_in_a_middleware_is_a_503_too(monkeypatch):
    """Errors raised outside a view reach the project's handler500, which answers the same page."""

    def fail(request):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("portal.visitors.middleware.is_countable", fail)
    response = Client(raise_request_exception=False).get(reverse("home"))
    assert_outage_page(response)


def test_other_errors_are_still_a_500(monkeypatch):
    def fail(self, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(HomeView, "get_context_data", fail)
    response = Client(raise_request_exception=False).get(reverse("home"))
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Xin lỗi, hệ thống đang gặp sự cố" in response.content.decode()


def test_the_page_is_served_again_as_soon_as_the_database_answers(client, monkeypatch):
    def fail(self, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(HomeView, "get_context_data", fail)
        assert client.get(reverse("home")).status_code == 503
    assert client.get(reverse("home")).status_code == 200
