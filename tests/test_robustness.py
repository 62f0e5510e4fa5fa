"""Hostile input on every public address: never a 500, never a traceback; a 404 speaks Vietnamese.

Every named URL pattern of the public site (home, news, campaigns, polls, sitemap, robots) is requested with
real objects and with missing ones, with query strings a careless or malicious visitor might send, with forged
cookies and with numbers too big for the database. A new public pattern must be added to ``public_urls`` in
tests/robustness_helpers.py, or the coverage test fails. Hostile posts and uploads: tests/test_robustness_posts.py.
"""

import pytest
from django.urls import get_resolver, reverse

from tests.robustness_helpers import (
    ALLOWED,
    LONG,
    build_world,
    hostile_queries,
    public_urls,
    reader,
    request_or_error,
)

pytestmark = pytest.mark.django_db

# What a reader gets from an address of an existing object without a query string: the page (200), except these.
NOT_A_PAGE = {
    "news:article-preview": 302,  # staff only: a reader goes to the login page
    "comments:comment-post": 302,  # POST only: a GET goes back to the article's comments
    "comments:comment-attachment": 404,  # the world has no attachment: its address names a missing one
    "polls:vote": 405,  # POST only
    "questions:attachment": 404,  # staff only, and the world's question has no file
    "ratings:rate": 405,  # POST only
    "api:api-root": 404,  # django-ninja's root: the API starts at its lists and /api/openapi.json
}
# Pages that page through a list, and the parameter they read: a page number that is not one of theirs is a 404.
PAGE_PARAMETER = {
    "sitemap": "p",
    "sitemap-section": "p",
    **dict.fromkeys(
        (
            "news:latest",
            "news:category",
            "news:tag",
            "news:search",
            "news:archive-month",
            "campaigns:campaign-detail",
            "campaigns:theme-detail",
            "campaigns:goodmodel-list",
            "campaigns:exemplar-list",
            "campaigns:award-list",
            "campaigns:proposal-list",
            "campaigns:contest-list",
            "campaigns:document-list",
        ),
        "page",
    ),
}


@pytest.fixture
def world(django_user_model):
    return build_world()


def _public_pattern_names() -> set[str]:
    resolver = get_resolver()
    names = {name for name in resolver.reverse_dict if isinstance(name, str)}
    for namespace in ("news", "campaigns", "polls", "privacy", "contact", "questions", "api", "ratings"):
        _prefix, sub = resolver.namespace_dict[namespace]
        names |= {f"{namespace}:{name}" for name in sub.reverse_dict if isinstance(name, str)}
    private = {"reports:leadership", "reports:statistics", "ck_editor_5_upload_file", "admin-view-on-site"}
    return {n for n in names if n not in private and not n.startswith("ck_editor")}


def test_every_public_pattern_is_covered(world):
    assert _public_pattern_names() <= set(public_urls(world)), (
        "add the new public address to tests/robustness_helpers.py"
    )


def _expected(name: str, query: dict) -> set[int]:
    """The statuses a reader may get for an existing object's address with ``query``."""
    expected = {NOT_A_PAGE.get(name, 200)}
    if PAGE_PARAMETER.get(name) in query:
        expected.add(404)  # no such page of the list (test_list_pages_refuse_pages_out_of_range_with_a_404)
    if name.startswith("api:") and query:
        expected.add(400)  # the API refuses a parameter it cannot read, in Vietnamese, rather than ignoring it
    if name == "news:article-preview" and any(LONG in str(v) for v in query.values()):
        expected.add(400)  # the login redirect would carry the whole query: Django refuses one over 16 kB
    return expected


def test_hostile_query_strings_never_give_a_server_error(world):
    """Filters ignore what they cannot read: the page is still the page, never a 500 and never a wrong 404."""
    client = reader()
    failures = []
    for name, url in public_urls(world).items():
        for query in [{}, *hostile_queries()]:
            response, error = request_or_error(client, "get", url, query)
            status = response.status_code if response is not None else 500
            if error or status not in _expected(name, query):
                failures.append((name, {k: str(v)[:30] for k, v in query.items()}, status, error))
    assert not failures, failures[:20]


def test_unknown_objects_give_a_vietnamese_404(world):
    client = reader()
    failures = []
    existing = public_urls(world)
    for name, url in public_urls(world, missing=True).items():
        if url == existing[name] and name != "comments:comment-attachment":
            continue  # no object in the address
        if name in ("news:article-preview", "polls:vote", "comments:comment-post"):
            continue  # staff only (a reader goes to the login page), or POST only
        for method in ("get", "head"):
            response, error = request_or_error(client, method, url)
            status = response.status_code if response is not None else 500
            if error or status != 404:
                failures.append((name, method, status, error))
            elif method == "get" and "Không tìm thấy" not in response.content.decode():
                failures.append((name, method, "404 without Vietnamese text", None))
    assert not failures, failures


def test_archive_month_outside_the_calendar_is_a_404(client):
    for year, month in [(1000, 1), (1899, 12), (9999, 12), (0, 1)]:
        response = client.get(f"/luu-tru/{year:04d}/{month:02d}/")
        assert response.status_code == 404, (year, month)
        assert "Không tìm thấy" in response.content.decode()


def test_list_pages_refuse_pages_out_of_range_with_a_404(world, client):
    for name in ("news:latest", "news:search", "campaigns:goodmodel-list", "campaigns:document-list"):
        for page in ("abc", "-1", "999999", "1e9"):
            response = client.get(reverse(name), {"page": page, "q": "Đảng"})
            assert response.status_code == 404, (name, page)
            assert "Không tìm thấy" in response.content.decode()


def test_the_signed_preview_refuses_a_forged_token(world, client):
    for token in ("abc", "1:abc:def", "0" * 400, "1:1ycsFD:" + "A" * 43):
        response = client.get(reverse("news:article-preview-signed", args=[token]))
        assert response.status_code == 404
        assert "Không tìm thấy" in response.content.decode()


def test_a_year_filter_far_from_now_selects_nothing_and_does_not_fail(world, client):
    response = client.get(reverse("news:search"), {"q": "sơ kết", "year": "1950"})
    assert response.status_code == 200
    assert "Đảng ủy Sở sơ kết Chỉ thị 05" in response.content.decode()  # the bad filter is dropped, not the query


def test_numbers_too_big_for_the_database_in_the_address_are_a_404(world):
    client = reader()
    huge = "9" * 25
    failures = []
    for url in (
        f"/phong-trao/khen-thuong/{huge}/",
        f"/tham-do-y-kien/{huge}/",
        f"/binh-luan/{huge}/tep-dinh-kem/",
        f"/xem-truoc/bai-viet/{huge}/",
    ):
        response, error = request_or_error(client, "get", url)
        status = response.status_code if response is not None else 500
        if error or status not in {302, 404}:
            failures.append((url, status, error))
    response, error = request_or_error(client, "post", f"/tham-do-y-kien/{huge}/binh-chon/", {"choice": huge})
    if error or response.status_code != 404:
        failures.append(("vote", error or response.status_code))
    assert not failures, failures


def test_forged_or_garbage_cookies_are_ignored(world):
    from portal.polls.views import VOTER_COOKIE
    from portal.visitors.identity import VISITOR_COOKIE

    client = reader()
    failures = []
    # A WSGI server hands headers over as latin-1: UTF-8 bytes arrive as such characters, never as an emoji.
    for value in ("abc", "\x00", "a:b:c", "x" * 4000, "🙏".encode().decode("latin-1")):
        client.cookies[VOTER_COOKIE] = value
        client.cookies[VISITOR_COOKIE] = value
        for name in ("home", "news:article-detail", "polls:detail"):
            response, error = request_or_error(client, "get", public_urls(world)[name])
            if error or response.status_code != 200:
                failures.append((name, value[:10], error or response.status_code))
        response, error = request_or_error(client, "post", public_urls(world)["polls:vote"], {"choice": "abc"})
        if error or response.status_code != 302:
            failures.append(("vote", value[:10], error or response.status_code))
    assert not failures, failures


def test_staff_pages_with_hostile_query_strings_never_give_a_server_error(world, administrator):
    """The admin's own report and statistics pages read the query string too."""
    client = reader()
    client.force_login(administrator)
    failures = []
    names = ("reports:leadership", "reports:statistics", "admin:news_article_changelist", "admin:index")
    extra = [
        {"start": "2024-13-45", "end": "abc"},
        {"start": "0001-01-01", "end": "9999-12-31"},
        {"start": "9999-12-31", "end": "9999-12-31", "format": "xlsx"},
        {"start": "2024-01-01", "end": "2024-12-31", "format": "csv", "campaign": "9" * 25},
        {"period": "99999", "article": "9" * 25, "campaign": "9" * 25},
        {"article": "-1", "period": "abc"},
        {"status": "khong-co", "category__id__exact": "abc", "published_at__gte": "abc", "o": "99"},
    ]
    for name in names:
        for query in [*hostile_queries(), *extra]:
            response, error = request_or_error(client, "get", reverse(name), query)
            status = response.status_code if response is not None else 500
            if error or status not in ALLOWED:
                failures.append((name, {k: str(v)[:30] for k, v in query.items()}, status, error))
    assert not failures, failures[:20]
