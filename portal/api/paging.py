"""Paging and the filters every list shares: ``page``/``page_size``, ``since``/``until`` (dates) and ``campaign``."""

import datetime
import math
from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000  # deeper pages are a crawl: narrow it by date instead (and an offset too big for SQLite fails)

# A slug as the portal makes them; anything else (NUL bytes, 5,000 characters) is a 400, never a database error.
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=200)]


class PagePagination(PaginationBase):
    """Numbered pages of ``page_size`` (20, at most 100); ``count`` and ``pages`` say how many there are."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Trang, từ 1")
        page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Số mục mỗi trang (tối đa 100)")

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int
        pages: int

    def paginate_queryset(self, queryset, pagination: Input, request, **params) -> dict:
        count = queryset.count()
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "items": list(queryset[offset : offset + pagination.page_size]),
            "count": count,
            "page": pagination.page,
            "page_size": pagination.page_size,
            "pages": math.ceil(count / pagination.page_size),
        }


class DateCampaignFilters(Schema):
    since: datetime.date | None = Field(None, description="Từ ngày (YYYY-MM-DD), kể cả ngày đó")
    until: datetime.date | None = Field(None, description="Đến ngày (YYYY-MM-DD), kể cả ngày đó")
    campaign: Slug | None = Field(None, description="Đường dẫn (slug) của chương trình, phong trào")

    def apply(self, queryset, *, date: str, campaign: str):
        """``queryset`` narrowed by the record's own date (``date``: a lookup path) and its campaign's slug."""
        if self.since:
            queryset = queryset.filter(**{f"{date}__gte": self.since})
        if self.until:
            queryset = queryset.filter(**{f"{date}__lte": self.until})
        if self.campaign:
            queryset = queryset.filter(**{f"{campaign}__slug": self.campaign})
        return queryset  # one campaign per slug: a many-to-many filter adds no duplicate rows
