"""Writing many rows at once as saving them one by one would: the same slugs, the times we give."""

import contextlib

from portal.text import vietnamese_slugify


@contextlib.contextmanager
def explicit_times(*fields):
    """Let ``bulk_create`` keep the times we give ``auto_now``/``auto_now_add`` fields (a seeded article was
    created and last edited around its publication, not today)."""
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    try:
        for field, *_ in saved:
            field.auto_now = field.auto_now_add = False
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class SlugBook:
    """The slugs ``unique_slug`` would give rows saved one by one: the title's slug, then -2, -3... if taken."""

    def __init__(self, taken):
        self.taken = set(taken)
        self.next_suffix: dict[str, int] = {}

    def make(self, text: str, *, max_length: int, fallback: str) -> str:
        base = vietnamese_slugify(text, max_length=max_length - 4) or fallback
        slug, n = base, self.next_suffix.get(base, 2)
        if slug in self.taken:
            while f"{base}-{n}" in self.taken:
                n += 1
            slug = f"{base}-{n}"
            self.next_suffix[base] = n + 1
        self.taken.add(slug)
        return slug
