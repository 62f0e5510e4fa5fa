"""The difference between two revisions as an editor reads it.

Vietnamese field names, names instead of ids (a row deleted since says so), status labels instead of codes, local
times, and texts compared paragraph by paragraph with their HTML tags stripped. Every value reaches the page
escaped: by the template, or by ``difflib`` inside its tables (whose headers are escaped here).
"""

import datetime
import difflib
import html
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from .models import Article
from .models.revisions import FIELDS, LINKS, PINNED, field_label, linked_model, same_value

TEXTS = ("title", "lead", "body")  # compared line by line in a table; other fields read "before → after"
# Where a paragraph ends in the body's HTML: a line of the diff.
BLOCK_ENDS = ("</p>", "</li>", "</h2>", "</h3>", "</h4>", "</blockquote>", "</figure>", "</tr>", "<br>", "<br />")
TIME_FORMAT = "%d/%m/%Y %H:%M"


@dataclass
class FieldChange:
    """One changed field: a text ``table``, ``added``/``removed`` names for links, or ``before``/``after``."""

    label: str
    table: str = ""
    before: str = ""
    after: str = ""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def compare(old: dict, new: dict, *, old_title: str, new_title: str) -> list[FieldChange]:
    """The kept fields that differ from ``old`` to ``new`` (two snapshots); a field only one of them recorded is
    left out (revisions written before links were kept hold none)."""
    names = Names(old, new)
    changes = []
    for name in (*FIELDS, *LINKS, PINNED):
        if name not in old or name not in new or same_value(name, old[name], new[name]):
            continue
        change = FieldChange(field_label(name))
        if name in TEXTS:
            change.table = text_table(old[name], new[name], old_title, new_title, is_html=name == "body")
        elif name in LINKS:
            change.added = names.of(name, [value for value in new[name] if value not in old[name]])
            change.removed = names.of(name, [value for value in old[name] if value not in new[name]])
        elif name == PINNED:
            change.before = numbered(names.of(name, old[name]))
            change.after = numbered(names.of(name, new[name]))
        else:
            change.before, change.after = value_text(name, old[name], names), value_text(name, new[name], names)
        changes.append(change)
    return changes


class Names:
    """What the ids of two snapshots stand for: one query per kind of link, and only for the kinds asked."""

    def __init__(self, *snapshots: dict):
        self.snapshots = snapshots
        self.found: dict[str, dict] = {}

    def of(self, name: str, values) -> list[str]:
        if name not in self.found:
            ids = {v for data in self.snapshots for v in as_list(data.get(name)) if isinstance(v, int)}
            self.found[name] = linked_model(name)._default_manager.in_bulk(ids) if ids else {}
        rows = self.found[name]
        # Old revisions keep tag names, not ids: a name is its own name.
        return [
            value if isinstance(value, str) else str(rows[value]) if value in rows else deleted(value)
            for value in values
        ]


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def deleted(pk) -> str:
    return _("(đã xóa, mã %(id)s)") % {"id": pk}


def numbered(names: list[str]) -> str:
    return "; ".join(f"{n}. {name}" for n, name in enumerate(names, 1)) or "—"


def value_text(name: str, value, names: Names) -> str:
    """A kept field's value as an editor reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if name == "status":
        return Article.Status(value).label if value in Article.Status.values else str(value)
    if name == "published_at":
        return local_time(value)
    if name == "category":
        return names.of(name, [value])[0]
    return str(value)


def local_time(value: str) -> str:
    """An ISO time from a snapshot as the portal's local time, "dd/mm/yyyy HH:MM"."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return timezone.localtime(moment).strftime(TIME_FORMAT)


def text_lines(value, *, is_html: bool) -> list[str]:
    """A text as the lines a reader sees: for HTML one per paragraph, tags stripped, entities decoded.

    A title or lead is plain text: a "<" in it is what the editor typed, shown as typed (escaped).
    """
    text = "" if value is None else str(value)
    if is_html:
        for end in BLOCK_ENDS:
            text = text.replace(end, end + "\n")
        text = "\n".join(html.unescape(strip_tags(line)) for line in text.splitlines())
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line] or [""]


def text_table(old, new, old_title: str, new_title: str, *, is_html: bool) -> str:
    """A side-by-side table of the changed paragraphs; ``difflib`` escapes "&", "<" and ">" in the lines."""
    # No wrap column (difflib would cut words at 70 characters): the page's CSS wraps lines at word breaks.
    return difflib.HtmlDiff().make_table(
        text_lines(old, is_html=is_html),
        text_lines(new, is_html=is_html),
        escape(old_title),
        escape(new_title),
        context=True,
    )
