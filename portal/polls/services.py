"""Casting a vote: the one write readers make in a poll, refused with a reason the view turns into a message."""

from django.db import IntegrityError, transaction

from .models import Poll, PollChoice, PollVote


class PollClosed(Exception):
    """The poll has not opened yet, or has closed."""


class AlreadyVoted(Exception):
    """This voter key has a vote in the poll already."""


class UnknownChoice(Exception):
    """No choice was sent, or one that belongs to no choice of this poll."""


def cast_vote(*, poll: Poll, choice_id, voter_key: str) -> PollVote:
    """Record ``voter_key``'s vote for ``choice_id`` in ``poll``, or raise why it cannot count."""
    if not poll.is_open:
        raise PollClosed
    try:
        choice = poll.choices.get(pk=int(choice_id))
    except (TypeError, ValueError, PollChoice.DoesNotExist) as error:
        raise UnknownChoice from error
    try:
        with transaction.atomic():
            return PollVote.objects.create(poll=poll, choice=choice, voter_key=voter_key)
    except IntegrityError as error:
        raise AlreadyVoted from error
