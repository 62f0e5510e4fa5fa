"""The demo around the news: poll, banners, web links, video and blocked words once, comments on demo articles only."""

import pytest

from news.comments.models import BlockedWord, Comment
from portal.demo.data import Seeding, load
from portal.demo.surroundings import seed
from portal.polls.models import Poll, PollVote
from portal.site_parts.models import BannerLink, Video, WebLink
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_demo_surroundings_can_be_seeded_twice_without_duplicates():
    mine = make_article()
    for _ in range(2):
        seed(Seeding(with_files=False))

    data = load("surroundings")
    poll = Poll.objects.get()
    assert poll.question == data["poll"]["question"]
    assert [c.text for c in poll.choices.order_by("position")] == [c["text"] for c in data["poll"]["choices"]]
    for entry in data["poll"]["choices"]:
        assert PollVote.objects.filter(choice__text=entry["text"]).count() >= entry["weight"]
    assert sorted(BannerLink.objects.values_list("title", flat=True)) == sorted(b["title"] for b in data["banners"])
    web_links = sorted((w["name"], w["url"]) for w in data["web_links"])
    assert sorted(WebLink.objects.values_list("name", "url")) == web_links
    assert sorted(Video.objects.values_list("title", flat=True)) == sorted(v["title"] for v in data["videos"])
    assert sorted(BlockedWord.objects.values_list("word", flat=True)) == sorted(data["blocked_words"])
    assert not mine.comments.exists()  # readers' comments go under the demo's own article, not an editor's


def test_demo_comments_go_under_the_demo_article(seed_demo):
    seed_demo()
    entry = load("surroundings")["comments"]
    comments = Comment.objects.filter(article__slug=entry["article"])
    assert sorted(comments.approved().values_list("name", flat=True)) == sorted(c["name"] for c in entry["approved"])
    assert sorted(comments.pending().values_list("name", flat=True)) == sorted(c["name"] for c in entry["pending"])
