import io

import pytest

from news.comments.models import Comment
from portal.demo_content.surroundings import seed
from portal.polls import Poll, PollVote
from portal.site_parts import BannerLink, Video, WebLink
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_demo_surroundings_can_be_seeded_twice_without_duplicates():
    make_article()
    for _ in range(2):
        seed(stdout=io.StringIO())
    assert Poll.objects.count() == 1
    assert PollVote.objects.count() > 90
    assert BannerLink.objects.count() == 3
    assert WebLink.objects.count() == 5
    assert Video.objects.count() == 1
    assert Comment.objects.approved().count() == 2
    assert Comment.objects.pending().count() == 1
