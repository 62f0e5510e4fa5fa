"""Hostile posts: to read-only pages, as comments (with a lying upload), as poll votes; never a 500, nothing saved."""

import pytest
from django.test import Client

from tests.conftest import BROWSER_USER_AGENT
from tests.robustness_helpers import (
    ALLOWED,
    HOSTILE_VALUES,
    build_world,
    public_urls,
    reader,
    request_or_error,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model):
    return build_world()


def test_posts_to_read_only_pages_are_refused_or_harmless(world):
    client = reader()
    failures = []
    for name, url in public_urls(world).items():
        response, error = request_or_error(client, "post", url, {"q": "\x00", "page": "abc", "choice": "abc"})
        status = response.status_code if response is not None else 500
        if error or status not in ALLOWED:
            failures.append((name, status, error))
        for method in ("put", "delete", "patch"):
            response, error = request_or_error(client, method, url)
            status = response.status_code if response is not None else 500
            if error or status not in ALLOWED:
                failures.append((name, method, status, error))
    assert not failures, failures


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

    url = public_urls(world)["comments:comment-post"]
    valid = {
        "name": "Nguyễn Văn A",
        "email": "a@example.vn",
        "text": "Bài viết rất hay và bổ ích.",
        "website": "",
        "consent_comment": "on",
    }
    max_length = CommentSettings.current().max_length
    failures = []
    for n, (field, value) in enumerate((f, v) for f in ("name", "email", "text", "website") for v in HOSTILE_VALUES):
        before = Comment.objects.count()
        # A reader of their own, so the rate limit never answers in place of the form.
        client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR=f"10.2.{n // 200}.{n % 200 + 1}")
        response, error = request_or_error(client, "post", url, {**valid, field: value})
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
    response, error = request_or_error(reader(), "post", url, {**valid, "attachment": fake_pdf})
    if error or response.status_code != 400 or Comment.objects.count() != before:
        failures.append(("fake pdf", error or response.status_code))
    assert not failures, failures


def test_hostile_votes_are_refused_without_saving(world):
    from portal.polls.models import PollVote

    client = reader()
    failures = []
    for value in HOSTILE_VALUES:
        response, error = request_or_error(client, "post", public_urls(world)["polls:vote"], {"choice": value})
        status = response.status_code if response is not None else 500
        if error or status != 302:  # back to the results, with a message saying why
            failures.append((value[:10], status, error))
    assert not failures, failures
    assert not PollVote.objects.exists()
