"""Document numbers and symbols (số, ký hiệu văn bản): found in free text and reduced to one comparable key.

Articles write the same document in several ways: "Chỉ thị số 05-CT/TW", "Chỉ thị 05/CT-TW", "chỉ thị 5-CT/TW".
The Party style is ``<số>-<loại>/<cơ quan>`` ("185-KH/ĐU"), the State style ``<số>/<cơ quan>-<đơn vị>``
("4379/UBND-TH") or ``<số>/<năm>/<loại>-<cơ quan>`` ("42/2022/NĐ-CP"). A key keeps the number (without leading
zeros) and the parts of the symbol in order, folded to ASCII upper case, and forgets which separator joined them,
so all of the above meet: "05-CT/TW", "05/CT-TW" and "5-ct/tw" all give "5-CT-TW".

Running text also names a document by its kind and number alone ("Chỉ thị 03", "Kết luận số 01"): such a short
citation keeps the kind as the slug the models use for it ("chi-thi") and the number, and whoever resolves it
decides whether exactly one record fits.

This module is the one parser of document numbers: the admin's link suggestions, the document search and the
legacy import all read text through it.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from portal.text import fold, vietnamese_slugify

# Upper-case letters, Vietnamese ones included ("Đ", "Ư"...): symbols are written in capitals.
_UPPER = "A-Z" + "".join(chr(c) for c in range(0x00C0, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
_PART = rf"(?:\d{{4}}|[{_UPPER}][{_UPPER}0-9]*)"
_SEP = r"\s?[-/]\s?"
# A number, then two to four parts; at least one part must be letters (checked below), so dates
# ("15/5/2016", "2021-2025") never match.
NUMBER_PATTERN = re.compile(rf"(?<![\w./-])(\d{{1,5}}(?:{_SEP}{_PART}){{2,4}})(?![\w])")
_TOKEN = re.compile(r"[A-Z]+|\d+")

# The kinds a short citation may name. Their slugs are the values of Campaign.Kind and Document.Kind
# ("Chỉ thị" -> "chi-thi"), so a citation's kind compares with a record's kind directly.
CITED_KINDS = {
    vietnamese_slugify(word): word
    for word in (
        "Chỉ thị",
        "Kết luận",
        "Nghị quyết",
        "Quy định",
        "Kế hoạch",
        "Hướng dẫn",
        "Quyết định",
        "Công văn",
        "Thông báo",
        "Báo cáo",
        "Quy chế",
        "Chương trình",
        "Đề án",
    )
}
# "Chỉ thị 03", "Kết luận số 01", "CHỈ THỊ 05". The number must end there: not the start of a date
# ("Chỉ thị 03/02/2015"), a figure ("1.900"), a symbol ("05-CT/TW", read as a full number instead) or a count
# ("Chỉ thị 10 năm", "Kết luận 95%"); "năm 2016" after it is the year of the citation, not a count.
_KIND_WORDS = "|".join(word.replace(" ", r"\s+") for word in CITED_KINDS.values())
_SHORT_PATTERN = re.compile(
    rf"(?<!\w)(?P<kind>{_KIND_WORDS})\s+(?P<so>số\s+)?(?P<number>\d{{1,4}})"
    r"(?![\w%]|\s?[-/.]\s?\d|,\d|\s?[-/]\s?\w|\s+(?:năm(?!\s+\d{4}\b)|tháng|ngày|tuần|giờ|phút|lần|người)\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Citation:
    """A document named in text: by its full number (``key``) or by kind and number alone (``kind``, ``number``)."""

    written: str = field(compare=False)  # as the text wrote it: "05/CT-TW", "Chỉ thị 03"
    key: str = ""  # "5-CT-TW" (see number_key) for a full number
    kind: str = ""  # "chi-thi" for a short citation
    number: str = ""  # "3": the number of a short citation, without leading zeros


def number_key(number: str) -> str:
    """The comparable key of a document number: "05-CT/TW" -> "5-CT-TW"; "" if it has no digits and letters."""
    tokens = _TOKEN.findall(fold(number).upper())
    if len(tokens) < 2 or not tokens[0].isdigit() or not any(t.isalpha() for t in tokens):
        return ""
    tokens[0] = tokens[0].lstrip("0") or "0"
    return "-".join(tokens)


def find_document_numbers(text: str) -> list[str]:
    """The document numbers written in ``text``, as keys (see ``number_key``), in order of first appearance."""
    return [citation.key for citation in find_citations(text) if citation.key]


def find_citations(text: str) -> list[Citation]:
    """Every document ``text`` names, by full number or by kind and number alone, in order of first appearance."""
    text = unicodedata.normalize("NFC", text or "")  # pages saved from old portals may hold decomposed letters
    found = sorted([*_full_citations(text), *_short_citations(text)], key=lambda pair: pair[0])
    citations: list[Citation] = []
    for _position, citation in found:
        if citation not in citations:
            citations.append(citation)
    return citations


def _full_citations(text: str) -> list[tuple[int, Citation]]:
    """(position, citation) of each full number, the first time its key appears."""
    found, seen = [], set()
    for match in NUMBER_PATTERN.finditer(text):
        key = number_key(match.group(1))
        if key and key not in seen:
            seen.add(key)
            found.append((match.start(), Citation(written=re.sub(r"\s+", "", match.group(1)), key=key)))
    return found


def _short_citations(text: str) -> list[tuple[int, Citation]]:
    """(position, citation) of each kind-and-number citation ("Chỉ thị 03") the rules accept."""
    found = []
    for match in _SHORT_PATTERN.finditer(text):
        written_kind = " ".join(match["kind"].split())
        # Lower case "kết luận 3 vấn đề", "chỉ thị 2 lần" is a verb; only "số" makes it a citation then.
        if written_kind[0].islower() and not match["so"]:
            continue
        if _YEAR.fullmatch(match["number"]):
            continue  # "Kế hoạch 2024": the year's plan, not a number
        kind = vietnamese_slugify(written_kind)
        number = match["number"].lstrip("0") or "0"
        citation = Citation(written=f"{CITED_KINDS[kind]} {match['number']}", kind=kind, number=number)
        found.append((match.start(), citation))
    return found
