"""Hostile input on every public address: never a 500, never a traceback; a 404 speaks Vietnamese.

Every named URL pattern of the public site (home, news, campaigns, polls, sitemap, robots) is requested with
real objects and with missing ones, with query strings a careless or malicious visitor might send, and by POST
where only GET makes sense. A new public pattern must be added to ``_urls`` below, or the coverage test fails.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from news.models import Tag
from news.preview import preview_token
from portal.polls.models import Poll
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import (
    make_article,
    make_award,
    make_campaign,
    make_category,
    make_contest,
    make_document,
    make_exemplar,
    make_good_model,
    make_theme,
    make_unit,
)

pytestmark = pytest.mark.django_db

ALLOWED = {200, 301, 302, 400, 404, 405}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# What a reader gets from an address of an existing object without a query string: the page (200), except these.
NOT_A_PAGE = {
    "news:article-preview": 302,  # staff only: a reader goes to the login page
    "comments:comment-post": 302,  # POST only: a GET goes back to the article's comments
    "comments:comment-attachment": 404,  # the world has no attachment: its address names a missing one
    "polls:vote": 405,  # POST only
}
# Pages that page through a list, and the parameter they read: a page number that is not one of theirs is a 404.
PAGE_PARAMETER = {
    "sitemap": "p",
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
            "campaigns:contest-list",
            "campaigns:document-list",
        ),
        "page",
    ),
}

# Every value a filter of ours reads, each as garbage: pages, ids, slugs, years, free text.
_LONG = "Đảng " * 1000  # 5,000 characters
HOSTILE_VALUES = [
    "abc",
    "-1",
    "0",
    "999999",
    "1e9",
    "99999999999999999999999",
    "không-có-thật",
    "\x00",
    "a\x00b",
    _LONG,
    "!@#$%^&*()_+-=[]{};':\",./<>?\\|`~",
    "🇻🇳🙏🏻",
    "\u200f\u202eالعربية\u202c",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%",
    "*",
    '"',
]
FILTERS = ["page", "p", "q", "category", "campaign", "theme", "year", "unit", "kind", "month", "tag", "next"]


def _queries():
    """Each hostile value as the page, and in every filter at once (a form checks each field on its own)."""
    for value in HOSTILE_VALUES:
        yield {"page": value}
        yield {"p": value}
        yield {name: value for name in FILTERS if name not in ("page", "p")}
    yield {"year": "99999"}
    yield {"year": "-5"}
    yield {"page": ["1", "2"], "q": ["a", "b"]}  # repeated parameters
    yield {"q": "Đảng", "category": "x", "campaign": "x", "theme": "x", "year": "x", "page": "x"}


@pytest.fixture
def world(django_user_model):
    category = make_category("Tin hoạt động")
    campaign = make_campaign("05-CT/TW")
    theme = make_theme(campaign=campaign, year=2019)
    tag = Tag.objects.create(name="Học tập và làm theo Bác")
    article = make_article(
        "Đảng ủy Sở sơ kết Chỉ thị 05", category=category, campaigns=[campaign], themes=[theme], tags=[tag]
    )
    unit = make_unit("Chi bộ Văn phòng")
    good_model = make_good_model("Nụ cười tiếp dân", unit=unit, campaigns=[campaign], themes=[theme])
    exemplar = make_exemplar(campaigns=[campaign], themes=[theme])
    award = make_award(exemplar=exemplar, campaign=campaign)
    document = make_document(campaign=campaign, theme=theme)
    contest = make_contest(campaign=campaign)
    campaign.document.save("chi-thi-05.pdf", ContentFile(PDF))
    document.file.save("ke-hoach.pdf", ContentFile(PDF))
    article.good_models.add(good_model)
    article.exemplars.add(exemplar)
    article.awards.add(award)
    article.documents.add(document)
    poll = Poll.objects.create(question="Bạn đọc tin trên cổng bằng thiết bị nào?")
    poll.choices.create(text="Điện thoại")
    now = timezone.localtime()
    return {
        "article": article.slug,
        "article-pk": article.pk,
        "preview-token": preview_token(article),
        "category": category.slug,
        "tag": tag.slug,
        "campaign": campaign.slug,
        "theme": theme.slug,
        "good_model": good_model.slug,
        "exemplar": exemplar.slug,
        "award": award.pk,
        "contest": contest.slug,
        "document": document.slug,
        "poll": poll.pk,
        "year": now.year,
        "month": now.month,
    }


def _urls(w: dict, *, missing: bool = False) -> dict[str, str]:
    """Name -> address of every public pattern, for the objects in ``w`` or for objects that do not exist."""

    def s(key):
        return "khong-ton-tai-" + key.replace("_", "-") if missing else w[key]

    def pk(key):
        return 987654321 if missing else w[key]

    year, month = (1899, 1) if missing else (w["year"], w["month"])
    return {
        "home": reverse("home"),
        "sitemap": reverse("sitemap"),
        "robots": reverse("robots"),
        "news:latest": reverse("news:latest"),
        "news:article-detail": reverse("news:article-detail", args=[s("article")]),
        "news:article-preview": reverse("news:article-preview", args=[pk("article-pk")]),
        "news:article-preview-signed": reverse(
            "news:article-preview-signed", args=["khong-hop-le:abc:def" if missing else w["preview-token"]]
        ),
        "news:category": reverse("news:category", args=[s("category")]),
        "news:tag": reverse("news:tag", args=[s("tag")]),
        "news:search": reverse("news:search"),
        "news:archive": reverse("news:archive"),
        "news:archive-month": reverse("news:archive-month", args=[year, month]),
        "news:feed-rss": reverse("news:feed-rss"),
        "news:feed-atom": reverse("news:feed-atom"),
        "news:category-feed-rss": reverse("news:category-feed-rss", args=[s("category")]),
        "news:category-feed-atom": reverse("news:category-feed-atom", args=[s("category")]),
        "news:campaign-feed-rss": reverse("news:campaign-feed-rss", args=[s("campaign")]),
        "news:campaign-feed-atom": reverse("news:campaign-feed-atom", args=[s("campaign")]),
        "comments:comment-post": reverse("comments:comment-post", args=[s("article")]),
        "comments:comment-attachment": reverse("comments:comment-attachment", args=[987654321]),
        "campaigns:campaign-list": reverse("campaigns:campaign-list"),
        "campaigns:campaign-detail": reverse("campaigns:campaign-detail", args=[s("campaign")]),
        "campaigns:campaign-document": reverse("campaigns:campaign-document", args=[s("campaign")]),
        "campaigns:theme-detail": reverse("campaigns:theme-detail", args=[s("campaign"), s("theme")]),
        "campaigns:goodmodel-list": reverse("campaigns:goodmodel-list"),
        "campaigns:goodmodel-detail": reverse("campaigns:goodmodel-detail", args=[s("good_model")]),
        "campaigns:exemplar-list": reverse("campaigns:exemplar-list"),
        "campaigns:exemplar-detail": reverse("campaigns:exemplar-detail", args=[s("exemplar")]),
        "campaigns:award-list": reverse("campaigns:award-list"),
        "campaigns:award-detail": reverse("campaigns:award-detail", args=[pk("award")]),
        "campaigns:contest-list": reverse("campaigns:contest-list"),
        "campaigns:contest-detail": reverse("campaigns:contest-detail", args=[s("contest")]),
        "campaigns:document-list": reverse("campaigns:document-list"),
        "campaigns:document-detail": reverse("campaigns:document-detail", args=[s("document")]),
        "campaigns:document-file": reverse("campaigns:document-file", args=[s("document")]),
        "polls:detail": reverse("polls:detail", args=[pk("poll")]),
        "polls:vote": reverse("polls:vote", args=[pk("poll")]),
    }


def _public_pattern_names() -> set[str]:
    resolver = get_resolver()
    names = {name for name in resolver.reverse_dict if isinstance(name, str)}
    for namespace in ("news", "campaigns", "polls"):
        _prefix, sub = resolver.namespace_dict[namespace]
        names |= {f"{namespace}:{name}" for name in sub.reverse_dict if isinstance(name, str)}
    private = {"reports:leadership", "reports:statistics", "ck_editor_5_upload_file"}
    return {n for n in names if n not in private and not n.startswith("ck_editor")}


def _request(client, method, url, data=None):
    """The status, or the exception a view let through (a 500 in production)."""
    try:
        response = getattr(client, method)(url, data or {})
    except Exception as error:  # every escape is what this module looks for
        return None, f"{type(error).__name__}: {str(error)[:200]}"
    return response, None


def _reader():
    return Client(HTTP_USER_AGENT=BROWSER_USER_AGENT)


def test_every_public_pattern_is_covered(world):
    assert _public_pattern_names() <= set(_urls(world)), "add the new public address to tests/test_robustness.py"


def _expected(name: str, query: dict) -> set[int]:
    """The statuses a reader may get for an existing object's address with ``query``."""
    expected = {NOT_A_PAGE.get(name, 200)}
    if PAGE_PARAMETER.get(name) in query:
        expected.add(404)  # no such page of the list (test_list_pages_refuse_pages_out_of_range_with_a_404)
    if name == "news:article-preview" and any(_LONG in str(v) for v in query.values()):
        expected.add(400)  # the login redirect would carry the whole query: Django refuses one over 16 kB
    return expected


def test_hostile_query_strings_never_give_a_server_error(world):
    """Filters ignore what they cannot read: the page is still the page, never a 500 and never a wrong 404."""
    client = _reader()
    failures = []
    for name, url in _urls(world).items():
        for query in [{}, *_queries()]:
            response, error = _request(client, "get", url, query)
            status = response.status_code if response is not None else 500
            if error or status not in _expected(name, query):
                failures.append((name, {k: str(v)[:30] for k, v in query.items()}, status, error))
    assert not failures, failures[:20]


def test_unknown_objects_give_a_vietnamese_404(world):
    client = _reader()
    failures = []
    existing = _urls(world)
    for name, url in _urls(world, missing=True).items():
        if url == existing[name] and name != "comments:comment-attachment":
            continue  # no object in the address
        if name in ("news:article-preview", "polls:vote", "comments:comment-post"):
            continue  # staff only (a reader goes to the login page), or POST only
        for method in ("get", "head"):
            response, error = _request(client, method, url)
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


def test_posts_to_read_only_pages_are_refused_or_harmless(world):
    client = _reader()
    failures = []
    for name, url in _urls(world).items():
        response, error = _request(client, "post", url, {"q": "\x00", "page": "abc", "choice": "abc"})
        status = response.status_code if response is not None else 500
        if error or status not in ALLOWED:
            failures.append((name, status, error))
        for method in ("put", "delete", "patch"):
            response, error = _request(client, method, url)
            status = response.status_code if response is not None else 500
            if error or status not in ALLOWED:
                failures.append((name, method, status, error))
    assert not failures, failures


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
    client = _reader()
    huge = "9" * 25
    failures = []
    for url in (
        f"/phong-trao/khen-thuong/{huge}/",
        f"/tham-do-y-kien/{huge}/",
        f"/binh-luan/{huge}/tep-dinh-kem/",
        f"/xem-truoc/bai-viet/{huge}/",
    ):
        response, error = _request(client, "get", url)
        status = response.status_code if response is not None else 500
        if error or status not in {302, 404}:
            failures.append((url, status, error))
    response, error = _request(client, "post", f"/tham-do-y-kien/{huge}/binh-chon/", {"choice": huge})
    if error or response.status_code != 404:
        failures.append(("vote", error or response.status_code))
    assert not failures, failures


def test_forged_or_garbage_cookies_are_ignored(world):
    from portal.polls.views import VOTER_COOKIE
    from portal.visitors.identity import VISITOR_COOKIE

    client = _reader()
    failures = []
    # A WSGI server hands headers over as latin-1: UTF-8 bytes arrive as such characters, never as an emoji.
    for value in ("abc", "\x00", "a:b:c", "x" * 4000, "🙏".encode().decode("latin-1")):
        client.cookies[VOTER_COOKIE] = value
        client.cookies[VISITOR_COOKIE] = value
        for name in ("home", "news:article-detail", "polls:detail"):
            response, error = _request(client, "get", _urls(world)[name])
            if error or response.status_code != 200:
                failures.append((name, value[:10], error or response.status_code))
        response, error = _request(client, "post", _urls(world)["polls:vote"], {"choice": "abc"})
        if error or response.status_code != 302:
            failures.append(("vote", value[:10], error or response.status_code))
    assert not failures, failures


def test_staff_pages_with_hostile_query_strings_never_give_a_server_error(world, administrator):
    """The admin's own report and statistics pages read the query string too."""
    client = _reader()
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
        for query in [*_queries(), *extra]:
            response, error = _request(client, "get", reverse(name), query)
            status = response.status_code if response is not None else 500
            if error or status not in ALLOWED:
                failures.append((name, {k: str(v)[:30] for k, v in query.items()}, status, error))
    assert not failures, failures[:20]


def _refused(field: str, value: str, max_length: int) -> bool:
    """Whether the comment form must refuse a comment that is valid but for ``value`` in ``field``."""
    if field in ("email", "website") or "\x00" in value:  # no hostile value is an address; the honeypot is a bot's
        return True
    if field == "name":
        return not 1 <= len(" ".join(value.split())) <= 80
    return not 5 <= len(value.strip()) <= max_length


def test_hostile_comments_are_refused_without_saving(world):
    """A valid comment with one hostile field: refused with the form shown again and nothing saved, or kept for
    moderation exactly as the form cleaned it; never a 500."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from news.comments.models import Comment, CommentSettings

    url = _urls(world)["comments:comment-post"]
    valid = {"name": "Nguyễn Văn A", "email": "a@example.vn", "text": "Bài viết rất hay và bổ ích.", "website": ""}
    max_length = CommentSettings.current().max_length
    failures = []
    for n, (field, value) in enumerate((f, v) for f in ("name", "email", "text", "website") for v in HOSTILE_VALUES):
        before = Comment.objects.count()
        # A reader of their own, so the rate limit never answers in place of the form.
        client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR=f"10.2.{n // 200}.{n % 200 + 1}")
        response, error = _request(client, "post", url, {**valid, field: value})
        status = response.status_code if response is not None else 500
        saved = Comment.objects.count() - before
        if _refused(field, value, max_length):
            # A person is told why (a bot filling the hidden honeypot with a null character may not be).
            told = field == "website" or "errorlist" in response.content.decode()
            if error or status != 400 or saved or not told:
                failures.append((field, value[:10], "not refused", status, saved, error))
        elif error or status != 302 or saved != 1:
            failures.append((field, value[:10], "not accepted", status, saved, error))
        else:
            comment = Comment.objects.latest("pk")
            kept = {"name": " ".join(value.split()), "text": value.strip()}[field]
            if comment.status != Comment.Status.PENDING or getattr(comment, field) != kept:
                failures.append((field, value[:10], "not kept as sent for moderation", comment.status))
    fake_pdf = SimpleUploadedFile("bao-cao.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    before = Comment.objects.count()
    response, error = _request(_reader(), "post", url, {**valid, "attachment": fake_pdf})
    if error or response.status_code != 400 or Comment.objects.count() != before:
        failures.append(("fake pdf", error or response.status_code))
    assert not failures, failures


def test_hostile_votes_are_refused_without_saving(world):
    from portal.polls.models import PollVote

    client = _reader()
    failures = []
    for value in HOSTILE_VALUES:
        response, error = _request(client, "post", _urls(world)["polls:vote"], {"choice": value})
        status = response.status_code if response is not None else 500
        if error or status != 302:  # back to the results, with a message saying why
            failures.append((value[:10], status, error))
    assert not failures, failures
    assert not PollVote.objects.exists()
