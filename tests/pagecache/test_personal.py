"""No reader ever gets what is another's from a cached page: CSRF token, poll state, messages, visitor cookie."""

import datetime
import re

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.urls import reverse
from django.utils import timezone

from news.comments.models import Comment
from portal.polls.models import Poll, PollChoice
from portal.visitors.identity import VISITOR_COOKIE
from tests.factories import make_article

from .conftest import cache_state, reader

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def article():
    return make_article("Hội nghị học tập chuyên đề năm 2024", view_count=10)


@pytest.fixture
def poll():
    poll = Poll.objects.create(
        question="Bạn thấy chuyên đề năm nay thế nào?", opens_at=timezone.now() - datetime.timedelta(days=1)
    )
    for position, text in enumerate(("Rất thiết thực", "Thiết thực")):
        PollChoice.objects.create(poll=poll, text=text, position=position)
    return poll


def secrets_in(response) -> set[str]:
    """The CSRF secrets behind every token of the page's forms (a token is a masked secret)."""
    return {_unmask_cipher_token(token) for token in TOKEN.findall(response.content.decode())}


def test_two_readers_each_get_their_own_csrf_token_from_the_cached_page(article, poll):
    first, second = reader(), reader()
    first_page = first.get(article.get_absolute_url())
    second_page = second.get(article.get_absolute_url())
    assert cache_state(first_page) == "miss" and cache_state(second_page) == "hit"
    first_secret = first.cookies[settings.CSRF_COOKIE_NAME].value
    second_secret = second.cookies[settings.CSRF_COOKIE_NAME].value  # the hit set the second reader's cookie
    assert first_secret != second_secret
    assert len(TOKEN.findall(second_page.content.decode())) == 3  # the rating form, the comment form, the poll box
    assert secrets_in(first_page) == {first_secret}
    assert secrets_in(second_page) == {second_secret}
    again = first.get(article.get_absolute_url())
    assert cache_state(again) == "hit" and secrets_in(again) == {first_secret}
    assert settings.CSRF_COOKIE_NAME not in again.cookies  # a reader who has the cookie keeps it: no Set-Cookie


def test_the_token_from_a_cached_page_lets_its_reader_comment(article):
    make_article("Bài khác")  # the page cached by another reader first
    reader().get(article.get_absolute_url())
    browser = reader(enforce_csrf_checks=True)
    page = browser.get(article.get_absolute_url())
    assert cache_state(page) == "hit"
    token = TOKEN.findall(page.content.decode())[0]
    form = {"name": "Nguyễn Văn An", "email": "an@example.vn", "text": "Bài viết rất bổ ích.", "consent_comment": "on"}
    url = reverse("comments:comment-post", kwargs={"slug": article.slug})
    assert browser.post(url, form).status_code == 403  # no token, no comment: CSRF is on
    assert browser.post(url, {**form, "csrfmiddlewaretoken": token}).status_code == 302
    assert Comment.objects.filter(article=article, name="Nguyễn Văn An").exists()


def test_messages_reach_only_the_reader_they_are_for(article):
    other = reader()
    other.get(article.get_absolute_url())  # cached
    author = reader()
    form = {
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "text": "Xin cảm ơn Ban biên tập.",
        "consent_comment": "on",
    }
    response = author.post(reverse("comments:comment-post", kwargs={"slug": article.slug}), form, follow=True)
    assert "Cảm ơn" in response.content.decode() or "cảm ơn" in response.content.decode()
    assert cache_state(response) is None  # the page with the author's message is neither served nor kept
    assert 'class="messages"' in response.content.decode()
    assert 'class="messages"' not in other.get(article.get_absolute_url()).content.decode()
    assert 'class="messages"' not in author.get(article.get_absolute_url()).content.decode()  # shown once


def test_already_voted_is_the_voters_own(poll):
    voter, other = reader(), reader()
    voter.get("/")
    voter.post(reverse("polls:vote", kwargs={"pk": poll.pk}), {"choice": poll.choices.first().pk})
    mine = voter.get(poll.get_absolute_url())
    theirs = other.get(poll.get_absolute_url())
    assert "Bạn đã bình chọn" in mine.content.decode()
    assert "Bạn đã bình chọn" not in theirs.content.decode() and "Gửi bình chọn" in theirs.content.decode()
    assert "no-store" in theirs["Cache-Control"]


def test_each_new_reader_gets_a_visitor_cookie_of_their_own(article):
    first, second = reader(), reader()
    first.get(article.get_absolute_url())
    page = second.get(article.get_absolute_url())
    assert cache_state(page) == "hit"
    assert first.cookies[VISITOR_COOKIE].value != second.cookies[VISITOR_COOKIE].value
    assert VISITOR_COOKIE not in second.get(article.get_absolute_url()).cookies  # set once, not again from the cache
