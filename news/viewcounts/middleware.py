"""`ArticleViewMiddleware`: counts a view of the article a page shows, once the page rendered without error.

The article view (news, which imports nothing of this app) finds the middleware as `request.article_views`: it asks
`shown_count(article)` for the number to print and hands its response to `mark_response`. The middleware sits
outside any page cache, so a page served from a cache still counts (the marker is pickled with the cached
response). The number on a freshly rendered page is then replaced by the count including this very view, so an
uncached page shows it exactly.
"""

import logging

from django.db import DatabaseError
from django.utils import timezone

from portal.formats import vn_number
from portal.visitors.identity import is_countable, visitor_of
from portal.visitors.visits import record_site_visit

from .services import record_article_view, shown_count

logger = logging.getLogger(__name__)


def mark_response(response, *, article, shown: int) -> None:
    """Tell `ArticleViewMiddleware` which article the page shows, and the count written in it."""
    response.counted_article = (article.pk, article.view_count, vn_number(shown))


class ArticleViewMiddleware:
    # What the article view calls through `request.article_views`.
    shown_count = staticmethod(shown_count)
    mark_response = staticmethod(mark_response)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.article_views = self
        response = self.get_response(request)
        marker = getattr(response, "counted_article", None)
        if marker is None or response.status_code != 200 or not is_countable(request):
            return response
        article_id, stored, shown = marker
        visitor, now = visitor_of(request), timezone.now()

        def site_visit():
            record_site_visit(visitor=visitor, now=now)
            request.site_visit_recorded = True  # VisitorMiddleware need not do it again

        try:
            count = record_article_view(
                article_id=article_id, visitor=visitor, stored_count=stored, now=now, also=site_visit
            )
        except DatabaseError:
            logger.exception("article view not recorded")
            return response
        if count is not None and not response.streaming:
            old = f"data-view-count>{shown}<".encode()
            response.content = response.content.replace(old, f"data-view-count>{vn_number(count)}<".encode(), 1)
            response.counted_article = (article_id, stored, vn_number(count))  # what a cached copy now shows
            if response.has_header("Content-Length"):  # a page from a cache carries its old length
                response["Content-Length"] = str(len(response.content))
        return response
