"""Recording a rating: once per visitor and page, within the address's budget, never for bots or staff."""

from django.conf import settings
from django.db import IntegrityError, transaction

from news.models import Article
from portal.visitors.budget import take_slot

from .models import Rating
from .targets import Target


class AlreadyRated(Exception):
    """This visitor has rated this page already."""


class TooManyRatings(Exception):
    """The address has used its budget of ratings for now (RATINGS_PER_ADDRESS per RATING_WINDOW)."""


class NotRatable(Exception):
    """The page is gone: its article is no longer published."""


def rate_page(*, target: Target, score: int, comment: str, visitor_key: str, address: str | None) -> Rating:
    """Record ``visitor_key``'s rating of ``target``, or raise why it does not count."""
    if target.article_id is not None and not Article.objects.published().filter(pk=target.article_id).exists():
        raise NotRatable
    if Rating.objects.filter(page=target.page, visitor_key=visitor_key).exists():
        raise AlreadyRated
    if not take_slot(
        scope="rating",
        address=address or "unknown",
        limit=settings.RATINGS_PER_ADDRESS,
        window=settings.RATING_WINDOW,
    ):
        raise TooManyRatings
    try:
        with transaction.atomic():
            return Rating.objects.create(
                page=target.page,
                title=target.title,
                article_id=target.article_id,
                score=score,
                comment=comment,
                visitor_key=visitor_key,
            )
    except IntegrityError as error:  # the same visitor's second click, at the same instant
        raise AlreadyRated from error
