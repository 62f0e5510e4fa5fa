"""Document numbers and symbols (số, ký hiệu văn bản): found in free text and reduced to one comparable key.

Articles write the same document in several ways: "Chỉ thị số 05-CT/TW", "Chỉ thị 05/CT-TW", "chỉ thị 5-CT/TW".
The Party style is ``<số>-<loại>/<cơ quan>`` ("185-KH/ĐU"), the State style ``<số>/<cơ quan>-<đơn vị>``
("4379/UBND-TH") or ``<số>/<năm>/<loại>-<cơ quan>`` ("42/2022/NĐ-CP"). A key keeps the number (without leading
zeros) and the parts of the symbol in order, folded to ASCII upper case, and forgets which separator joined them,
so all of the above meet: "05-CT/TW", "05/CT-TW" and "5-ct/tw" all give "5-CT-TW".
"""

import re

from portal.text import fold

# Upper-case letters, Vietnamese ones included ("Đ", "Ư"...): symbols are written in capitals.
_UPPER = "A-Z" + "".join(chr(c) for c in range(0x00C0, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
_PART = rf"(?:\d{{4}}|[{_UPPER}][{_UPPER}0-9]*)"
_SEP = r"\s?[-/]\s?"
# A number, then two to four parts; at least one part must be letters (checked below), so dates
# ("15/5/2016", "2021-2025") never match.
NUMBER_PATTERN = re.compile(rf"(?<![\w./-])(\d{{1,5}}(?:{_SEP}{_PART}){{2,4}})(?![\w])")
_TOKEN = re.compile(r"[A-Z]+|\d+")


def number_key(number: str) -> str:
    """The comparable key of a document number: "05-CT/TW" -> "5-CT-TW"; "" if it has no digits and letters."""
    tokens = _TOKEN.findall(fold(number).upper())
    if len(tokens) < 2 or not tokens[0].isdigit() or not any(t.isalpha() for t in tokens):
        return ""
    tokens[0] = tokens[0].lstrip("0") or "0"
    return "-".join(tokens)


def find_document_numbers(text: str) -> list[str]:
    """The document numbers written in ``text``, as keys (see ``number_key``), in order of first appearance."""
    keys: list[str] = []
    for match in NUMBER_PATTERN.finditer(text or ""):
        key = number_key(match.group(1))
        if key and key not in keys:
            keys.append(key)
    return keys
