"""Opinion polls: one vote per visitor and poll, exact counts, polite refusals, results as bars."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.polls.models import Poll, PollChoice, PollVote
from portal.polls.services import AlreadyVoted, cast_vote
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def make_poll(question="Bạn đánh giá như thế nào về cổng thông tin này?", choices=("Rất hữu ích", "Hữu ích"), **kw):
    poll = Poll.objects.create(question=question, **kw)
    for position, text in enumerate(choices):
        PollChoice.objects.create(poll=poll, text=text, position=position)
    return poll


def vote(client, poll, choice):
    return client.post(reverse("polls:vote", kwargs={"pk": poll.pk}), {"choice": choice.pk})


class SidebarTests:
    def test_current_poll_is_in_the_sidebar_with_its_choices(self, client):
        make_poll("Câu hỏi cũ", opens_at=timezone.now() - datetime.timedelta(days=30))
        poll = make_poll(opens_at=timezone.now() - datetime.timedelta(days=1))
        html = client.get("/").content.decode()
        assert "Thăm dò ý kiến" in html
        assert poll.question in html and "Câu hỏi cũ" not in html
        assert "Gửi bình chọn" in html and "Xem kết quả" in html
        assert "Rất hữu ích" in html

    @pytest.mark.parametrize(
        "overrides",
        [
            {"is_active": False},
            {"opens_at": timezone.now() + datetime.timedelta(days=1)},
            {
                "opens_at": timezone.now() - datetime.timedelta(days=3),
                "closes_at": timezone.now() - datetime.timedelta(days=1),
            },
        ],
        ids=["switched-off", "not-yet-open", "closed"],
    )
    def test_no_poll_in_the_sidebar_unless_one_is_open(self, client, overrides):
        make_poll(**overrides)
        assert "Gửi bình chọn" not in client.get("/").content.decode()

    def test_sidebar_poll_is_cached_and_refreshed_on_change(self, client):
        poll = make_poll()
        make_article()
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/").content.decode()
        assert poll.question in html
        assert not [q for q in queries.captured_queries if "portal_poll" in q["sql"]]
        poll.question = "Câu hỏi đã sửa"
        poll.save()
        assert "Câu hỏi đã sửa" in client.get("/").content.decode()


class VotingTests:
    def test_a_vote_counts_and_the_reader_sees_the_results(self, client):
        poll = make_poll()
        first, _second = poll.choices.all()
        response = vote(client, poll, first)
        assert response.status_code == 302
        assert response["Location"] == poll.get_absolute_url()
        assert "tham_do" in response.cookies
        assert response.cookies["tham_do"]["httponly"]
        html = client.get(response["Location"]).content.decode()
        assert "Cảm ơn bạn đã gửi bình chọn." in html
        assert "1 phiếu (100,0%)" in html
        assert "0 phiếu (0,0%)" in html
        assert 'width="100.0%"' in html  # the bar's SVG rect
        # The voter is told what they chose, and no form invites a second vote.
        assert "Bạn đã bình chọn: <strong>Rất hữu ích</strong>." in html
        assert "Gửi bình chọn" not in html
        assert "Gửi bình chọn" in Client().get(poll.get_absolute_url()).content.decode()

    def test_a_second_vote_from_the_same_visitor_is_refused_politely(self, client):
        poll = make_poll()
        first, second = poll.choices.all()
        vote(client, poll, first)
        response = vote(client, poll, second)
        html = client.get(response["Location"]).content.decode()
        assert "Bạn đã bình chọn trong cuộc thăm dò này rồi" in html
        assert PollVote.objects.count() == 1
        assert PollVote.objects.get().choice == first

    def test_another_visitor_votes_separately_and_percentages_add_up(self, client):
        poll = make_poll(choices=("A", "B", "C"))
        a, b, _c = poll.choices.all()
        vote(client, poll, a)
        vote(Client(), poll, a)
        vote(Client(), poll, b)
        results, total = poll.results()
        assert total == 3
        assert [(r["text"], r["votes"], r["percent"]) for r in results] == [
            ("A", 2, 66.7),
            ("B", 1, 33.3),
            ("C", 0, 0),
        ]

    def test_a_forged_cookie_gets_a_fresh_key(self, client):
        poll = make_poll()
        client.cookies["tham_do"] = "khoa-gia-mao"
        response = vote(client, poll, poll.choices.first())
        assert PollVote.objects.get().voter_key != "khoa-gia-mao"
        assert "tham_do" in response.cookies

    def test_closed_poll_refuses_votes_but_shows_results(self, client):
        poll = make_poll(
            opens_at=timezone.now() - datetime.timedelta(days=3), closes_at=timezone.now() - datetime.timedelta(days=1)
        )
        response = vote(client, poll, poll.choices.first())
        html = client.get(response["Location"]).content.decode()
        assert "đã kết thúc" in html
        assert not PollVote.objects.exists()
        assert "Gửi bình chọn" not in html

    def test_choice_of_another_poll_or_none_is_refused(self, client):
        poll, other = make_poll(), make_poll("Câu hỏi khác")
        vote(client, poll, other.choices.first())
        response = client.post(reverse("polls:vote", kwargs={"pk": poll.pk}), {"choice": "abc"})
        assert "Vui lòng chọn một phương án" in client.get(response["Location"]).content.decode()
        assert not PollVote.objects.exists()

    def test_hidden_or_unknown_polls_are_404(self, client):
        poll = make_poll(is_active=False)
        assert client.get(poll.get_absolute_url()).status_code == 404
        assert vote(client, poll, poll.choices.first()).status_code == 404
        assert client.get("/tham-do-y-kien/999999/").status_code == 404

    def test_get_on_the_vote_address_is_not_allowed(self, client):
        poll = make_poll()
        assert client.get(reverse("polls:vote", kwargs={"pk": poll.pk})).status_code == 405

    def test_results_page_queries_are_bounded(self, client, django_assert_max_num_queries):
        poll = make_poll(choices=[f"Phương án {n}" for n in range(8)])
        PollVote.objects.bulk_create(
            PollVote(poll=poll, choice=c, voter_key=f"k{c.pk}-{n}") for c in poll.choices.all() for n in range(5)
        )
        client.get(poll.get_absolute_url())
        with django_assert_max_num_queries(8):
            assert client.get(poll.get_absolute_url()).status_code == 200


@pytest.mark.postgres("concurrent votes (SQLite serialises writers, so there is no race to test)")
@pytest.mark.django_db(transaction=True)
class ConcurrentVotingTests:
    """Votes sent at the same moment, in threads with their own database connections."""

    def _race(self, target, n):
        barrier = threading.Barrier(n)
        errors = []

        def run(i):
            from django.db import connections

            try:
                barrier.wait()
                target(i)
            except Exception as error:  # collected and asserted below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return errors

    def test_the_same_visitor_voting_twenty_times_at_once_counts_once(self):
        poll = make_poll()
        choice = poll.choices.first()
        errors = self._race(
            lambda i: cast_vote(poll=poll, choice_id=choice.pk, voter_key="cung-mot-nguoi", address="203.0.113.1"), 20
        )
        assert PollVote.objects.filter(poll=poll).count() == 1
        assert len(errors) == 19
        assert all(isinstance(e, AlreadyVoted) for e in errors)

    def test_many_visitors_at_once_are_all_counted(self):
        poll = make_poll()
        choices = list(poll.choices.all())
        errors = self._race(
            lambda i: cast_vote(poll=poll, choice_id=choices[i % 2].pk, voter_key=f"nguoi-{i}", address=f"10.0.{i}.1"),
            30,
        )
        assert errors == []
        results, total = poll.results()
        assert total == 30
        assert [r["votes"] for r in results] == [15, 15]
