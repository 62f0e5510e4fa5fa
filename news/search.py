"""Search over published articles: a query typed without diacritics finds text written with them.

Two engines, one behaviour:

- PostgreSQL: full-text search on ``Article.search_vector``, a stored ``tsvector`` that a trigger keeps current
  (title weight A, lead B, body C) under the ``vn_unaccent`` configuration (``simple`` + ``unaccent``), with a GIN
  index; ``websearch_to_tsquery`` reads the reader's query ("quoted phrases", -excluded words, or); ``ts_rank``
  on ``search_head`` (title and lead) orders; ``ts_headline`` marks the matched words; when nothing matches,
  trigram word similarity on the title (``pg_trgm``, index on ``vn_immutable_unaccent(lower(title))``) finds
  titles despite typos.
- SQLite: the query's terms must occur, as whole words, in ``Article.search_folded`` (title, lead and body text
  folded to lower-case ASCII, kept current on save); the same quoted phrases, exclusions and ``or``. An FTS5
  index kept by triggers (migration 0005) answers; where SQLite lacks FTS5, a LIKE scan gives the same answers.

On both, articles whose title or lead contains the query's words with the very diacritics typed rank first
("đảng" before "đang"): ``Article.search_document`` keeps title and lead lower-cased with their diacritics.

Nothing a reader types raises: the query is normalised (NFC), stripped of control and format characters
(NUL bytes, bidirectional marks), cut to ``MAX_QUERY_LENGTH`` characters and ``MAX_TERMS`` terms; a query left
with no word finds nothing and says so.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, models
from django.db.models import Case, F, Func, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower, Substr
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from portal.text import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SEARCH_CONFIG = "vn_unaccent"
# Title (300) and lead (1000) folded, plus separators: the part of ``search_folded`` before the body.
HEAD_LENGTH = 1400
# Private-use characters that ts_headline puts around matches; swapped for <mark> after escaping the text.
_MARK_START, _MARK_STOP = "\ue000", "\ue001"

_WORD = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r'-?"[^"]*"?|\S+')
# Control (Cc), format (Cf: bidirectional marks, zero-width joiners), surrogates, private use, unassigned.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_query(raw: str | None) -> str:
    """The reader's query made safe to pass anywhere: NFC, no control characters, one space between words, capped."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(" " if unicodedata.category(ch) in _DROPPED_CATEGORIES else ch for ch in text)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip()


def words(text: str) -> list[str]:
    """Lower-cased words with their diacritics: "Đảng ủy, Sở!" -> ["đảng", "ủy", "sở"]."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def folded_words(text: str) -> list[str]:
    """Words without diacritics: "Đảng ủy" -> ["dang", "uy"] (also "uỷ", the older tone placement)."""
    return _WORD.findall(fold(text))


def search_columns(title: str, lead: str, body: str) -> tuple[str, str]:
    """``(search_folded, search_document)`` for an article.

    ``search_folded`` is `` title | lead | body `` folded, each word between single spaces, so that a whole word or
    phrase is ``LIKE '% word %'``; a match before two ``|`` is in the title, before one in the title or lead.
    ``search_document`` is `` title | lead `` lower-cased with diacritics, for ranking exact matches first.
    """
    body_text = html.unescape(strip_tags(body or ""))
    folded = [" ".join(folded_words(part or "")) for part in (title, lead, body_text)]
    exact = [" ".join(words(part or "")) for part in (title, lead)]
    return f" {folded[0]} | {folded[1]} | {folded[2]} ", f" {exact[0]} | {exact[1]} "


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase of the query; ``negated`` when written with a leading minus."""

    words: tuple[str, ...]
    negated: bool = False

    @property
    def folded(self) -> str:
        return " ".join(w for word in self.words for w in folded_words(word))

    @property
    def exact(self) -> str:
        return " ".join(self.words)


@dataclass
class ParsedQuery:
    """The query as the SQLite engine and the ranking read it: groups of terms, all of a group must hold, and
    ``or`` between words starts a new group (any group may hold), as ``websearch_to_tsquery`` reads it."""

    text: str
    groups: list[list[Term]] = field(default_factory=list)

    @property
    def positive_terms(self) -> list[Term]:
        return [term for group in self.groups for term in group if not term.negated]

    @property
    def highlight_words(self) -> set[str]:
        return {w for term in self.positive_terms for w in term.folded.split()}

    def __bool__(self) -> bool:
        return bool(self.positive_terms)


def parse_query(raw: str | None) -> ParsedQuery:
    """Read a query the way PostgreSQL's ``websearch_to_tsquery`` does: words, "phrases", -exclusions, ``or``."""
    text = clean_query(raw)
    parsed = ParsedQuery(text=text)
    group: list[Term] = []
    chunks = _CHUNK.findall(text)
    n_terms = 0
    for index, chunk in enumerate(chunks):
        if chunk.lower() == "or" and group and index < len(chunks) - 1:
            parsed.groups.append(group)
            group = []
            continue
        negated = chunk.startswith("-") and len(chunk) > 1
        term_words = tuple(words(chunk))
        if not term_words:
            continue
        n_terms += 1
        if n_terms > MAX_TERMS:
            break
        group.append(Term(term_words, negated))
    if group:
        parsed.groups.append(group)
    return parsed


class Like(Func):
    """``expression LIKE pattern`` with a pattern built here from folded words (no % or _ inside them)."""

    output_field = models.BooleanField()
    template = "(%(expressions)s)"
    arg_joiner = " LIKE "


class WordSimilar(Func):
    """pg_trgm's ``query <% expression``: the query is similar to some run of words in the expression (indexed)."""

    output_field = models.BooleanField()
    template = "(%(expressions)s)"
    arg_joiner = " <%% "


def _like(expression, pattern: str) -> Like:
    return Like(expression, Value(pattern))


def _hits(conditions) -> Case | Value:
    """How many of ``conditions`` hold, as an integer expression."""
    total = None
    for condition in conditions:
        one = Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
        total = one if total is None else total + one
    return total if total is not None else Value(0, output_field=IntegerField())


def exact_hits(parsed: ParsedQuery):
    """Positive terms found in title or lead with the very diacritics typed."""
    return _hits(Like(F("search_document"), Value(f"% {term.exact} %")) for term in parsed.positive_terms)


def is_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def newest_matches(matches, limit: int):
    """The ids of the ``limit`` newest matches, as a subquery: the candidates a search ranks and counts."""
    return matches.order_by("-published_at", "-id").values("pk")[:limit]


def bounded(queryset, matches):
    """``queryset`` narrowed to the newest ``SEARCH_MAX_RESULTS`` (+ 1, to know there are more) of ``matches``:
    ranking a common word then reads a thousand rows, not every article that has it."""
    return queryset.filter(pk__in=newest_matches(matches, settings.SEARCH_MAX_RESULTS + 1))


def search(queryset, raw_query: str | None):
    """``queryset`` narrowed to the articles matching the query, best first. Empty when the query has no word."""
    parsed = parse_query(raw_query)
    if not parsed:
        return queryset.none()
    if is_postgresql(queryset):
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = SearchQuery(parsed.text, config=SEARCH_CONFIG, search_type="websearch")
        return (
            bounded(queryset, queryset.filter(search_vector=query))
            # Ranked on title and lead: the whole-text vector is ten times larger and ranking it dominated the
            # time of common queries (thousands of matches); body-only matches then come newest first.
            .annotate(exact_hits=exact_hits(parsed), rank=SearchRank(F("search_head"), query))
            .order_by("-exact_hits", "-rank", "-published_at", "-id")
        )
    if fts_available(queryset.db) and (match := fts_match(parsed)):
        return (
            bounded(queryset, queryset.filter(pk__in=_fts_ids(match)))
            .annotate(
                exact_hits=_hits(Q(pk__in=_fts_ids(f'exact : "{t.exact}"')) for t in parsed.positive_terms),
                title_hits=_hits(Q(pk__in=_fts_ids(f'title_folded : "{t.folded}"')) for t in parsed.positive_terms),
            )
            .order_by("-exact_hits", "-title_hits", "-published_at", "-id")
        )
    condition = Q()
    for group in parsed.groups:
        every = Q()
        for term in group:
            found = Q(_like(F("search_folded"), f"% {term.folded} %"))
            every &= ~found if term.negated else found
        condition |= every
    title_hits = _hits(
        _like(Substr("search_folded", 1, HEAD_LENGTH), f"% {term.folded} %|%|%") for term in parsed.positive_terms
    )
    return (
        bounded(queryset, queryset.filter(condition))
        .annotate(exact_hits=exact_hits(parsed), title_hits=title_hits)
        .order_by("-exact_hits", "-title_hits", "-published_at", "-id")
    )


# SQLite's FTS5 index (migration news/0005_sqlite_search_index), where SQLite has FTS5.
FTS_TABLE = "news_article_fts"
_fts_tables: set[str] = set()


def fts_available(alias: str) -> bool:
    """Whether the database ``alias`` has the FTS5 table (remembered once found: migrations never drop it)."""
    if alias in _fts_tables:
        return True
    connection = connections[alias]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        found = cursor.fetchone() is not None
    if found:
        _fts_tables.add(alias)
    return found


def fts_match(parsed: ParsedQuery) -> str | None:
    """The query in FTS5 syntax over the folded columns, or None when FTS5 cannot say it (a group of
    exclusions only), in which case the LIKE scan answers."""
    groups = []
    for group in parsed.groups:
        positive = [f'"{t.folded}"' for t in group if not t.negated and t.folded]
        if not positive:
            return None
        expression = f"({' AND '.join(positive)})"
        for term in group:
            if term.negated and term.folded:
                expression = f'({expression} NOT "{term.folded}")'
        groups.append(expression)
    return f"{{title_folded rest_folded}} : ({' OR '.join(groups)})" if groups else None


def _fts_ids(match: str) -> RawSQL:
    return RawSQL("SELECT rowid FROM news_article_fts WHERE news_article_fts MATCH %s", (match,))


def search_similar(queryset, raw_query: str | None):
    """Titles close to the query despite typos (PostgreSQL's pg_trgm); nothing on SQLite."""
    parsed = parse_query(raw_query)
    if not parsed or not is_postgresql(queryset):
        return queryset.none()
    from django.contrib.postgres.search import TrigramWordSimilarity

    folded_query = " ".join(term.folded for term in parsed.positive_terms)
    title = Func(Lower("title"), function="vn_immutable_unaccent", output_field=models.TextField())
    return (
        queryset.filter(WordSimilar(Value(folded_query), title))
        .annotate(similarity=TrigramWordSimilarity(folded_query, title))
        .order_by("-similarity", "-published_at", "-id")
    )


def highlight(text: str, marked_words: set[str]) -> SafeString:
    """``text`` escaped, with each word whose folded form is in ``marked_words`` inside ``<mark>``."""
    if not marked_words:
        return escape(text)
    out, last = [], 0
    for match in _WORD.finditer(text):
        if "".join(folded_words(match.group())) in marked_words:
            out += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece of text is escaped above)


def _headline_html(value: str) -> SafeString:
    """ts_headline's output, escaped, with its private-use markers turned into <mark>."""
    escaped = str(escape(value))
    if escaped.count(_MARK_START) != escaped.count(_MARK_STOP):
        escaped = escaped.replace(_MARK_START, "").replace(_MARK_STOP, "")
    return mark_safe(escaped.replace(_MARK_START, "<mark>").replace(_MARK_STOP, "</mark>"))  # noqa: S308


def add_highlights(articles: list, raw_query: str | None, *, fuzzy: bool = False) -> None:
    """Set ``title_html`` and ``lead_html`` on each article of a results page, matched words in <mark>.

    PostgreSQL marks what its full-text search matched (one query for the page); otherwise, and for typo matches,
    words are compared folded in Python.
    """
    parsed = parse_query(raw_query)
    headlines = {}
    if articles and parsed and not fuzzy and is_postgresql(type(articles[0])._default_manager.all()):
        from django.contrib.postgres.search import SearchHeadline, SearchQuery

        query = SearchQuery(parsed.text, config=SEARCH_CONFIG, search_type="websearch")
        options = {"config": SEARCH_CONFIG, "start_sel": _MARK_START, "stop_sel": _MARK_STOP, "highlight_all": True}
        rows = (
            type(articles[0])
            ._default_manager.filter(pk__in=[a.pk for a in articles])
            .annotate(
                h_title=SearchHeadline("title", query, **options), h_lead=SearchHeadline("lead", query, **options)
            )
            .values_list("pk", "h_title", "h_lead")
        )
        headlines = {pk: (title, lead) for pk, title, lead in rows}
    marked = parsed.highlight_words
    for article in articles:
        if article.pk in headlines:
            title, lead = headlines[article.pk]
            article.title_html, article.lead_html = _headline_html(title), _headline_html(lead)
        else:
            article.title_html, article.lead_html = highlight(article.title, marked), highlight(article.lead, marked)


@dataclass
class SearchResults:
    """What the results page shows: the ranked queryset, and whether it holds typo matches only.

    ``ranked_ids()`` reads the ranked candidates' ids once (at most ``SEARCH_MAX_RESULTS`` + 1): their number is the
    count (the page says "hơn 1.000" past the limit) and a page is a slice of them, so the candidates are found
    and ranked once per request, not once for the count and again for the page.
    """

    query: ParsedQuery
    queryset: models.QuerySet
    fuzzy: bool = False
    similar: models.QuerySet | None = None  # the typo matches to fall back on when nothing matches (PostgreSQL)
    _ids: list[int] | None = field(default=None, repr=False)

    def ranked_ids(self) -> list[int]:
        if self._ids is None:
            limit = settings.SEARCH_MAX_RESULTS + 1
            self._ids = list(self.queryset.values_list("pk", flat=True)[:limit])
            if not self._ids and self.similar is not None:
                self.queryset, self.fuzzy = self.similar, True
                self._ids = list(self.queryset.values_list("pk", flat=True)[:limit])
        return self._ids

    def count(self) -> tuple[int, bool]:
        """``(results shown, whether more match)``."""
        found = len(self.ranked_ids())
        return min(found, settings.SEARCH_MAX_RESULTS), found > settings.SEARCH_MAX_RESULTS

    def rows(self, ids: list[int]) -> list:
        """The articles of ``ids`` (a page of ``ranked_ids``), in that order, in one query."""
        by_id = {article.pk: article for article in self.queryset.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]


def find_articles(queryset, raw_query: str | None) -> SearchResults:
    """Full-text matches; when there are none, titles close to the query (PostgreSQL)."""
    parsed = parse_query(raw_query)
    results = search(queryset, parsed.text)
    similar = search_similar(queryset, parsed.text) if parsed and is_postgresql(queryset) else None
    return SearchResults(parsed, results, similar=similar)
