"""Reading the demo's data files, and the record of what one seeding run created."""

import datetime
import json
from functools import cache
from pathlib import Path

from django.db import models

DATA = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> dict:
    """The data file ``data/<name>.json``, read once per process."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def day(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def article_slugs() -> list[str]:
    """The demo's own articles, by the slugs it gives them: the only articles any seeder reads or links."""
    return [item["slug"] for item in load("articles")["articles"]]


class Seeding:
    """One run of the demo: whether it draws files, and which rows (model, key) it has created so far.

    Links are made only when one of their ends is in ``created``, so a second run, or a run over a portal people
    have edited, links nothing anew.
    """

    def __init__(self, *, with_files: bool = True):
        self.with_files = with_files
        self.created: set[tuple[str, str]] = set()

    def get_or_create(self, model: type[models.Model], key: str, *, defaults: dict, **lookup) -> models.Model:
        row, created = model.objects.get_or_create(**lookup, defaults=defaults)
        if created:
            self.note(row, key)
        return row

    def note(self, row: models.Model, key: str) -> None:
        self.created.add((row._meta.label_lower, key))

    def made(self, model: type[models.Model], key: str) -> bool:
        return (model._meta.label_lower, key) in self.created

    def made_any(self, *pairs: tuple[type[models.Model], str]) -> bool:
        return any(self.made(model, key) for model, key in pairs)
