"""What other apps link to the movement's pages. Campaigns import no app that reads from them (news and the rest).

An app whose content links to campaigns, themes, records or documents (news: its articles) registers one
``LinkedContent`` in its ``AppConfig.ready()``. The campaign hub and theme pages list it page by page, the record
and document pages show its newest few, without knowing what it is or querying another app's tables.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models


def _no_feeds(obj: models.Model) -> list[dict]:
    return []


@dataclass(frozen=True)
class LinkedContent:
    heading: str  # above the list on the hub and theme pages
    related_heading: str  # above the short list on a record's page
    empty: str
    # Templates that render ``items``: cards for a page of the hub or a theme, a short list for a record.
    list_template: str
    compact_template: str
    # The published items linked to a campaign, theme, record or document, newest first (a queryset).
    items: Callable[[models.Model], models.QuerySet]
    # Feeds of a campaign or theme for the page's <head>: dicts with "type", "title" and "href".
    feeds: Callable[[models.Model], list[dict]] = field(default=_no_feeds)


_registered: list[LinkedContent] = []


def register(content: LinkedContent) -> None:
    if content not in _registered:
        _registered.append(content)


def linked_contents() -> tuple[LinkedContent, ...]:
    return tuple(_registered)


def main_content() -> LinkedContent | None:
    """The content the hub and theme pages list page by page (the first registered: articles)."""
    return _registered[0] if _registered else None
