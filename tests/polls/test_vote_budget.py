"""Votes under abuse: a budget of votes per client address and poll per window (POLL_VOTES_PER_ADDRESS)."""

import datetime

import pytest
import time_machine
from django.test import Client

from portal.polls.models import PollVote
from tests.conftest import BROWSER_USER_AGENT
from tests.polls.test_polls import make_poll, vote

pytestmark = pytest.mark.django_db

MORNING = datetime.datetime(2024, 4, 27, 1, 0, tzinfo=datetime.UTC)  # 08:00 in Hanoi


def voter(address="203.0.113.10"):
    return Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR=address)


class VoteBudgetTests:
    def test_a_voter_clearing_the_cookie_twenty_times_gets_the_budget_not_twenty_votes(self, settings):
        poll = make_poll(opens_at=MORNING - datetime.timedelta(days=1))
        choice = poll.choices.first()
        with time_machine.travel(MORNING, tick=False):
            for _ in range(20):
                vote(voter(), poll, choice)  # a fresh client each time: no poll cookie, as after clearing it
        assert PollVote.objects.filter(poll=poll).count() == settings.POLL_VOTES_PER_ADDRESS == 10

    def test_the_refusal_is_a_clear_message(self, settings):
        settings.POLL_VOTES_PER_ADDRESS = 1
        poll = make_poll()
        vote(voter(), poll, poll.choices.first())
        second = voter()
        response = vote(second, poll, poll.choices.first())
        html = second.get(response["Location"]).content.decode()
        assert "Địa chỉ mạng của bạn vừa gửi nhiều bình chọn cho cuộc thăm dò này" in html
        assert "thử lại sau khoảng 30 phút" in html
        assert PollVote.objects.count() == 1

    def test_fifty_colleagues_behind_one_address_voting_over_a_morning_all_count(self):
        poll = make_poll(opens_at=MORNING - datetime.timedelta(days=1))
        choices = list(poll.choices.all())
        with time_machine.travel(MORNING, tick=False) as clock:
            for n in range(50):  # one colleague every four minutes, 08:00 to 11:16
                vote(voter(), poll, choices[n % 2])
                clock.shift(datetime.timedelta(minutes=4))
        assert PollVote.objects.filter(poll=poll).count() == 50

    def test_each_poll_and_each_address_has_its_own_budget(self, settings):
        settings.POLL_VOTES_PER_ADDRESS = 1
        poll, other = make_poll(), make_poll("Câu hỏi khác")
        vote(voter(), poll, poll.choices.first())
        vote(voter(), other, other.choices.first())
        vote(voter("198.51.100.20"), poll, poll.choices.first())
        vote(voter(), poll, poll.choices.first())  # this address's vote in this poll is spent
        assert PollVote.objects.filter(poll=poll).count() == 2
        assert PollVote.objects.filter(poll=other).count() == 1

    def test_a_refused_or_repeated_vote_spends_no_budget(self, settings):
        settings.POLL_VOTES_PER_ADDRESS = 2
        poll = make_poll()
        first = voter()
        for _ in range(5):
            vote(first, poll, poll.choices.first())  # the same voter, refused as "already voted"
        vote(voter(), poll, poll.choices.first())
        assert PollVote.objects.count() == 2
