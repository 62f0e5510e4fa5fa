"""Casting a vote: the one write readers make in a poll, refused with a reason the view turns into a message."""

from django.conf import settings
from django.db import IntegrityError, transaction

from portal.visitors.budget import take_slot

from .models import Poll, PollChoice, PollVote


class PollClosed(Exception):
    """The poll has not opened yet, or has closed."""


class AlreadyVoted(Exception):
    """This voter key has a vote in the poll already."""


class TooManyVotes(Exception):
    """The voter's address has used its budget of votes in this poll for now (POLL_VOTES_PER_ADDRESS)."""


class UnknownChoice(Exception):
    """No choice was sent, or one that belongs to no choice of this poll."""


def cast_vote(*, poll: Poll, choice_id, voter_key: str, address: str | None) -> PollVote:
    """Record ``voter_key``'s vote for ``choice_id`` in ``poll``, or raise why it cannot count.

    Each vote that would count spends one of the budget of its client ``address`` in this poll: a voter who clears
    the cookie gets a new key, but not a new address.
    """
    if not poll.is_open:
        raise PollClosed
    try:
        choice = poll.choices.get(pk=int(choice_id))
    except (TypeError, ValueError, PollChoice.DoesNotExist) as error:
        raise UnknownChoice from error
    if poll.votes.filter(voter_key=voter_key).exists():
        raise AlreadyVoted
    if not take_slot(
        scope=f"poll:{poll.pk}",
        address=address or "unknown",
        limit=settings.POLL_VOTES_PER_ADDRESS,
        window=settings.POLL_VOTE_WINDOW,
    ):
        raise TooManyVotes
    try:
        with transaction.atomic():
            return PollVote.objects.create(poll=poll, choice=choice, voter_key=voter_key)
    except IntegrityError as error:
        raise AlreadyVoted from error
