"""Paginators for large tables (a leaf: imports no app). Django's counts every row of a list on every page;
these take the count from a stored figure, or count only as far as the reader can go from here."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

# How many pages past the current one a capped paginator counts: "Trang 3 / 13+" beyond that.
CAP_PAGES_AHEAD = 10
# From this many rows skipped, a counted paginator reads the page's ids before its rows.
DEFERRED_FROM = 240


class CountedPaginator(Paginator):
    """Told its count (for example from ``news.counts``' stored figures) instead of counting the rows."""

    more = False  # whether rows exist past ``count`` (never: the count is exact)

    def __init__(self, *args, count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # ``count`` is a cached property: this is its cached value

    def page(self, number):
        """Past the first pages, the page's ids first (an index-only scan through the skipped rows), then its rows:
        page 500 of a category reads 6,000 index entries, not 6,000 articles."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < DEFERRED_FROM or not hasattr(self.object_list, "values_list"):
            return super().page(number)
        top = (
            min(bottom + self.per_page, self.count)
            if bottom + self.per_page + self.orphans < self.count
            else self.count
        )
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(list(self.object_list.filter(pk__in=ids)), number, self)


class CappedPaginator(Paginator):
    """Counts at most up to ``CAP_PAGES_AHEAD`` pages past ``number`` (the page asked for), so a list of tens of
    thousands of rows costs a bounded count; ``more`` says there are rows beyond (the page then shows "13+")."""

    def __init__(self, *args, number=1, **kwargs):
        super().__init__(*args, **kwargs)
        try:
            number = min(max(1, int(number)), 10**6)  # a page number past any real list: the paginator says 404
        except (TypeError, ValueError):
            number = 1
        self.cap = (number + CAP_PAGES_AHEAD) * self.per_page

    @cached_property
    def counted(self) -> int:
        if not hasattr(self.object_list, "values"):  # a list: nothing to save
            return len(self.object_list)
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def more(self) -> bool:
        return self.counted > self.cap


class SitemapPaging:
    """Mixin for a ``Sitemap``: ``SITEMAP_PAGE_SIZE`` URLs a page (the protocol allows 50,000)."""

    @property
    def limit(self) -> int:
        return settings.SITEMAP_PAGE_SIZE
