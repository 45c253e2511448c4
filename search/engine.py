"""Faceted search over the search table, the same for every backend.

Matching is the only part that depends on the backend: the database's own full-text
index (SQLite FTS5, PostgreSQL tsvector) by default, or Wagtail's Elasticsearch
backend when `ELASTICSEARCH_URL` is set. Filtering, ordering, facet counts,
pagination and snippets are SQL over the compact search table in both cases, so the
work per query is bounded by indexed lookups and one grouped count, whatever the
number of matching documents.
"""

import datetime
from math import ceil

import numpy as np
from django.db import connection
from django.utils.translation import get_language
from wagtail.models import Page

from portal import chrome
from search import fulltext, postings
from search.matchers import DatabaseMatcher, ElasticsearchMatcher, elasticsearch_enabled
from search.models import SearchEntry
from search.query import (
    MAX_FACET_VALUES,
    FacetCounts,
    FacetOption,
    Hit,
    SearchQuery,
    SearchResults,
)
from search.registry import facets
from search.text import highlight, query_terms, stem

__all__ = ["SearchQuery", "SearchResults", "autocomplete", "run_search"]


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
        hits=_hits(page_ids, [stem(t) for t in query.terms], query.language),
        total=total,
        facets=_facet_counts(index.counts(mask), query),
    )


def _hits(entry_ids: list[int], terms: list[str], language: str = "") -> list[Hit]:
    entries = SearchEntry.objects.in_bulk(entry_ids)
    urls = reader_urls(sorted({e.page_id for e in entries.values()}))
    hits = []
    for entry_id in entry_ids:
        entry = entries[entry_id]
        hits.append(
            Hit(
                page_id=entry.page_id,
                title=entry.title,
                title_html=highlight(entry.title, terms, width=300),
                url=urls.get(entry.page_id, ""),
                written_in="" if entry.language == language else entry.language,
                snippet=highlight(entry.text, terms),
                date=entry.date,
                kind=entry.kind,
            )
        )
    return hits


def reader_urls(page_ids: list[int]) -> dict[int, str]:
    """{page id: its address for a reader of the active language}, from the site's
    cache (addresses change only when a page is saved, moved or deleted)."""

    def compute() -> dict[int, str]:
        pages = Page.objects.specific().in_bulk(page_ids)
        return {pk: _reader_url(page) for pk, page in pages.items()}

    return chrome.cached(None, "reader-urls", compute, get_language(), *page_ids)


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
