"""Faceted search over the search table, the same for every backend.

Matching is the only part that depends on the backend: the database's own full-text
index (SQLite FTS5, PostgreSQL tsvector) by default, or Wagtail's Elasticsearch
backend when `ELASTICSEARCH_URL` is set. Filtering, ordering, facet counts,
pagination and snippets are SQL over the compact search table in both cases, so the
work per query is bounded by indexed lookups and one grouped count, whatever the
number of matching documents.
"""

import datetime
from dataclasses import dataclass, field
from math import ceil

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.utils.safestring import SafeString
from wagtail.models import Page

from portal.translations import for_readers_of
from search import fulltext, postings
from search.models import SearchEntry
from search.registry import facets, searchable_models
from search.text import highlight, query_terms

PER_PAGE = 10
MAX_FACET_VALUES = 30
ELASTICSEARCH_MAX_HITS = 1000


@dataclass
class SearchQuery:
    text: str = ""
    language: str = "fr"
    filters: dict[str, list[str]] = field(default_factory=dict)
    order: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def terms(self) -> list[str]:
        return query_terms(self.text)


@dataclass
class Hit:
    page_id: int
    title: str
    title_html: SafeString
    url: str
    written_in: str  # the hit's language when it is not the reader's ("fr")
    snippet: SafeString
    date: datetime.date | None
    kind: str


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetCounts:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[Hit]
    total: int
    facets: list[FacetCounts]

    @property
    def num_pages(self) -> int:
        return max(1, ceil(self.total / self.query.per_page))

    @property
    def page(self) -> int:
        return min(self.query.page, self.num_pages)


def elasticsearch_enabled() -> bool:
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return "elasticsearch" in backend


RANK_CAP = 2000


class DatabaseMatcher:
    """Matches with the database's own full-text index (FTS5 or tsvector + GIN)."""

    def __init__(self, query: SearchQuery):
        self.query = query
        self.terms = query.terms

    def _ids(self, sql: str, params: list) -> np.ndarray:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # When most entries match, the planner picks a sequential scan that
                # detoasts every tsvector (5x slower here than the GIN bitmap, which
                # needs no recheck): for this one statement, use the index.
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            return np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)

    def languages(self) -> list[str]:
        """The reader's language and, for another language, the source language
        (its untranslated pages are listed too; `run_search` keeps only those)."""
        source = postings.default_language()
        return [self.query.language] + (
            [source] if source != self.query.language else []
        )

    def ids(self) -> np.ndarray:
        self.match_count = 0
        found = []
        for language in self.languages():
            sql, params, _ = fulltext.match_sql(self.terms, language)
            found.append(self._ids(sql, params))
        ids = np.concatenate(found) if found else np.empty(0, dtype=np.int64)
        self.match_count = len(ids)
        return ids

    def ranking(self, matching: np.ndarray) -> np.ndarray:
        """A sort key per matching entry (lower first).

        Full relevance scoring (bm25 / ts_rank) costs time per matching document,
        so it runs only when at most RANK_CAP documents match; beyond that, entries
        whose title matches every term come first, then the newest.
        """
        if self.match_count <= RANK_CAP:
            scores, sign = {}, 1.0
            for language in self.languages():
                sql, params, direction = fulltext.match_sql(
                    self.terms, language, with_score=True
                )
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    scores.update(cursor.fetchall())
                sign = 1.0 if direction == "ASC" else -1.0
            return np.array([sign * float(scores.get(int(pk), 0.0)) for pk in matching])
        title_hits = []
        for language in self.languages():
            sql, params, _ = fulltext.match_sql(self.terms, language, title_only=True)
            title_hits.append(self._ids(sql, params))
        return np.where(np.isin(matching, np.concatenate(title_hits)), 0.0, 1.0)


class ElasticsearchMatcher:
    """Matches with Wagtail's Elasticsearch backend; facets stay in the database."""

    def __init__(self, query: SearchQuery):
        self.query = query
        self.terms = query.terms
        self.rank: dict[int, int] = {}

    def ids(self) -> np.ndarray:
        pages = (
            for_readers_of(Page.objects.live().public(), self.query.language)
            .type(*searchable_models())
            .search(" ".join(self.terms), operator="and")
        )
        page_ids = [int(pk) for pk in pages[:ELASTICSEARCH_MAX_HITS].get_pks()]
        entry_of_page = dict(
            SearchEntry.objects.filter(page_id__in=page_ids).values_list(
                "page_id", "id"
            )
        )
        ordered = [entry_of_page[pk] for pk in page_ids if pk in entry_of_page]
        self.rank = {entry_id: rank for rank, entry_id in enumerate(ordered)}
        return np.array(ordered, dtype=np.int64)

    def ranking(self, matching: np.ndarray) -> np.ndarray:
        return np.array([self.rank.get(int(pk), len(self.rank)) for pk in matching])


def _matcher(query: SearchQuery):
    return (
        ElasticsearchMatcher(query)
        if elasticsearch_enabled()
        else DatabaseMatcher(query)
    )


def run_search(query: SearchQuery) -> SearchResults:
    index = postings.current()
    in_language = index.readable(query.language)
    matcher = _matcher(query) if query.terms else None
    mask = index.mask(in_language)
    if matcher is not None:
        mask &= index.mask(matcher.ids())
    mask = index.filter(mask, query.filters)
    matching = np.flatnonzero(mask)
    total = len(matching)
    keys = [-matching, -index.dates[matching]]
    if matcher is not None and query.order == "relevance" and total:
        keys.append(matcher.ranking(matching))
    ordered = matching[np.lexsort(keys)] if total else matching
    num_pages = max(1, ceil(total / query.per_page))
    offset = (min(max(query.page, 1), num_pages) - 1) * query.per_page
    page_ids = [int(pk) for pk in ordered[offset : offset + query.per_page]]
    return SearchResults(
        query=query,
        hits=_hits(page_ids, query.terms, query.language),
        total=total,
        facets=_facet_counts(index.counts(mask), query),
    )


def _hits(entry_ids: list[int], terms: list[str], language: str = "") -> list[Hit]:
    entries = SearchEntry.objects.in_bulk(entry_ids)
    pages = Page.objects.specific().in_bulk([e.page_id for e in entries.values()])
    hits = []
    for entry_id in entry_ids:
        entry = entries[entry_id]
        page = pages.get(entry.page_id)
        hits.append(
            Hit(
                page_id=entry.page_id,
                title=entry.title,
                title_html=highlight(entry.title, terms, width=300),
                url=_reader_url(page),
                written_in="" if entry.language == language else entry.language,
                snippet=highlight(entry.text, terms),
                date=entry.date,
                kind=entry.kind,
            )
        )
    return hits


def _reader_url(page) -> str:
    """The page's address for a reader of the active language (an untranslated
    lesson's address in that language's library)."""
    if page is None:
        return ""
    return getattr(page, "reader_url", None) or page.get_url() or ""


def _facet_counts(
    rows: list[tuple[str, str, int]], query: SearchQuery
) -> list[FacetCounts]:
    by_facet: dict[str, list[tuple[str, int]]] = {}
    for facet_name, value, count in rows:
        by_facet.setdefault(facet_name, []).append((value, count))
    result = []
    for facet in facets():
        values = by_facet.get(facet.name, [])
        selected = query.filters.get(facet.name, [])
        if not values and not selected:
            continue
        labels = facet.labels([v for v, _ in values], query.language)
        options = [
            FacetOption(v, labels.get(v, v), c, v in selected) for v, c in values
        ]
        if facet.name == "year":
            options.sort(key=lambda o: o.value, reverse=True)
        else:
            options.sort(key=lambda o: (-o.count, o.label))
        result.append(
            FacetCounts(facet.name, str(facet.label), options[:MAX_FACET_VALUES])
        )
    return result


def autocomplete(text: str, language: str, limit: int = 8) -> list[dict]:
    """Titles starting with the words typed so far (the last one as a prefix)."""
    terms = query_terms(text)
    if not terms or len(terms[-1]) < 2:
        return []
    readable = postings.current().readable(language)
    rows = []
    for matched_language in dict.fromkeys([language, postings.default_language()]):
        sql, params, _ = fulltext.match_sql(
            terms, matched_language, prefix_last=True, title_only=True
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id, e.page_id, e.title, e.date FROM ({sql}) m "  # noqa: S608 - fixed SQL
                "JOIN search_searchentry e ON e.id = m.id "
                "ORDER BY e.date DESC LIMIT %s",
                [*params, limit],
            )
            rows.extend(cursor.fetchall())
    allowed = set(readable.tolist())
    rows = [row for row in rows if row[0] in allowed]
    rows.sort(key=lambda row: row[3] or datetime.date.min, reverse=True)
    rows = rows[:limit]
    pages = Page.objects.specific().in_bulk([row[1] for row in rows])
    return [
        {"title": title, "url": _reader_url(pages[pk])}
        for _entry, pk, title, _date in rows
        if pk in pages
    ]
