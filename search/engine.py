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
from wagtail.models import Locale, Page

from search import fulltext, postings
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

    def ids(self) -> np.ndarray:
        sql, params, _ = fulltext.match_sql(self.terms, self.query.language)
        self.match_count = 0
        found = self._ids(sql, params)
        self.match_count = len(found)
        return found

    def ranking(self, matching: np.ndarray) -> np.ndarray:
        """A sort key per matching entry (lower first).

        Full relevance scoring (bm25 / ts_rank) costs time per matching document,
        so it runs only when at most RANK_CAP documents match; beyond that, entries
        whose title matches every term come first, then the newest.
        """
        if self.match_count <= RANK_CAP:
            sql, params, direction = fulltext.match_sql(
                self.terms, self.query.language, with_score=True
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                scores = dict(cursor.fetchall())
            sign = 1.0 if direction == "ASC" else -1.0
            return np.array([sign * float(scores.get(int(pk), 0.0)) for pk in matching])
        sql, params, _ = fulltext.match_sql(
            self.terms, self.query.language, title_only=True
        )
        title_hits = self._ids(sql, params)
        return np.where(np.isin(matching, title_hits), 0.0, 1.0)


class ElasticsearchMatcher:
    """Matches with Wagtail's Elasticsearch backend; facets stay in the database."""

    def __init__(self, query: SearchQuery):
        self.query = query
        self.terms = query.terms
        self.rank: dict[int, int] = {}

    def ids(self) -> np.ndarray:
        from search.models import SearchEntry

        locale = Locale.objects.filter(language_code=self.query.language).first()
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=locale)
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
    in_language = index.languages.get(query.language, np.empty(0, dtype=np.int64))
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
        hits=_hits(page_ids, query.terms),
        total=total,
        facets=_facet_counts(index.counts(mask), query),
    )


def _hits(entry_ids: list[int], terms: list[str]) -> list[Hit]:
    from search.models import SearchEntry

    entries = SearchEntry.objects.in_bulk(entry_ids)
    pages = Page.objects.in_bulk([e.page_id for e in entries.values()])
    hits = []
    for entry_id in entry_ids:
        entry = entries[entry_id]
        page = pages.get(entry.page_id)
        hits.append(
            Hit(
                page_id=entry.page_id,
                title=entry.title,
                title_html=highlight(entry.title, terms, width=300),
                url=page.get_url() if page else "",
                snippet=highlight(entry.text, terms),
                date=entry.date,
                kind=entry.kind,
            )
        )
    return hits


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
    sql, params, _ = fulltext.match_sql(
        terms, language, prefix_last=True, title_only=True
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.page_id, e.title FROM ({sql}) m "  # noqa: S608 - fixed SQL
            "JOIN search_searchentry e ON e.id = m.id "
            "ORDER BY e.date DESC LIMIT %s",
            [*params, limit],
        )
        rows = cursor.fetchall()
    pages = Page.objects.in_bulk([pk for pk, _ in rows])
    return [
        {"title": title, "url": pages[pk].get_url()}
        for pk, title in rows
        if pk in pages
    ]
