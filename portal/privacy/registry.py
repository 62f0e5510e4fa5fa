"""Where each app says how to find, export and erase one person's data. Privacy imports none of them.

An app whose rows hold a reader's name, e-mail or phone registers one ``PersonalDataSource`` in its
``AppConfig.ready()``: ``export(email)`` returns JSON-ready dicts, ``erase(email)`` deletes or anonymises the
rows and returns how many it touched (0 when there is nothing left: erasing twice is harmless).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalDataSource:
    key: str  # the key in the exported JSON, e.g. "comments"
    label: str  # what an administrator reads, e.g. "Bình luận"
    export: Callable[[str], list[dict]]
    erase: Callable[[str], int]


_sources: dict[str, PersonalDataSource] = {}


def register(source: PersonalDataSource) -> None:
    _sources[source.key] = source


def sources() -> tuple[PersonalDataSource, ...]:
    return tuple(_sources.values())
