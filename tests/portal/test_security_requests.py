"""Requests the site refuses or answers cheaply (portal/security.py), and how a bad Host header is logged."""

import logging

import pytest
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from news.models import Article
from tests.factories import make_article, make_campaign
from tests.polls.test_polls import make_poll

pytestmark = pytest.mark.django_db


class RenderedTemplates:
    def __init__(self):
        self.names = []

    def __enter__(self):
        template_rendered.connect(self.record)
        return self

    def __exit__(self, *exc):
        template_rendered.disconnect(self.record)

    def record(self, sender, template, context, **kwargs):
        self.names.append(template.name)


def cost(client, method: str, url: str):
    with RenderedTemplates() as templates, CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url)
    return response, templates.names, len(queries)


@pytest.mark.parametrize("page", ["home", "article", "campaign", "poll"])
def test_head_answers_the_headers_without_rendering_the_page(client, page):
    article = make_article("Tin cho HEAD", campaigns=[make_campaign(code="01-KL/TW")])
    poll = make_poll()
    url = {
        "home": "/",
        "article": article.get_absolute_url(),
        "campaign": article.campaigns.get().get_absolute_url(),
        "poll": poll.get_absolute_url(),
    }
    get, get_templates, get_queries = cost(client, "get", url[page])
    head, head_templates, head_queries = cost(client, "head", url[page])

    assert get.status_code == head.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head["Content-Security-Policy"] == get["Content-Security-Policy"]
    assert head.content == b""
    assert "Content-Length" not in head  # rather than a wrong 0
    assert get_templates and head_templates == []
    assert head_queries < get_queries


def test_head_of_an_article_does_not_count_a_view(client):
    """A guard: HEAD never counted, and answering it without the template must keep it so."""
    article = make_article("Tin không đếm khi HEAD")
    client.head(article.get_absolute_url())
    article.refresh_from_db()
    assert Article.objects.get(pk=article.pk).view_count == 0


def test_head_of_a_missing_page_is_still_404(client):
    assert client.head("/khong-co-trang-nay/").status_code == 404


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "PROPFIND", "FOO"])
def test_unknown_methods_are_refused_with_405(client, method):
    response = client.generic(method, "/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert "Phương thức không được hỗ trợ." in response.content.decode()


@pytest.mark.parametrize("url", ["/sitemap.xml", "/rss/"])
def test_trace_is_refused_on_views_that_answered_any_method(client, url):
    """The sitemap (a function view) and the feeds (callable objects) answered TRACE with 200."""
    assert client.generic("TRACE", url).status_code == 405


def _handlers_reached(logger: logging.Logger):
    """The handlers a record of `logger` reaches through propagation, pytest's own capture excluded."""
    while logger:
        for handler in logger.handlers:
            if not type(handler).__module__.startswith("_pytest"):
                yield handler
        logger = logger.parent if logger.propagate else None


def test_a_bad_host_header_is_logged_in_one_line_without_traceback(client, caplog):
    logger = logging.getLogger("django.security.DisallowedHost")
    logger.addHandler(caplog.handler)  # the logger does not propagate to the root, where caplog listens
    try:
        response = client.get("/", HTTP_HOST="evil.example\nforged")
    finally:
        logger.removeHandler(caplog.handler)
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    handlers = list(_handlers_reached(logger))
    assert handlers
    for handler in handlers:
        line = handler.format(records[0])
        assert "\n" not in line
        assert "Traceback" not in line
        assert "Invalid HTTP_HOST header" in line
