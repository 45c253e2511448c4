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

from django.conf import settings
from django.db import connection
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page

from search import fulltext
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


class _Matcher:
    """Turns query terms into a SQL join (or filter) and a relevance ordering."""

    def __init__(self, query: SearchQuery):
        self.query = query
        self.terms = query.terms

    def parts(self) -> tuple[str, list, str, list, str]:
        """(join SQL, join params, extra WHERE SQL, its params, relevance ORDER BY)."""
        if not self.terms:
            return "", [], "", [], "e.date DESC, e.id DESC"
        if elasticsearch_enabled():
            return self._elasticsearch()
        sql, params, direction = fulltext.match_sql(self.terms)
        return (
            f"JOIN ({sql}) m ON m.id = e.id",
            params,
            "",
            [],
            f"m.score {direction}, e.date DESC, e.id DESC",
        )

    def _elasticsearch(self):
        locale = Locale.objects.filter(language_code=self.query.language).first()
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=locale)
            .type(*searchable_models())
            .search(" ".join(self.terms), operator="and")
        )
        ids = [int(pk) for pk in pages[:ELASTICSEARCH_MAX_HITS].get_pks()] or [0]
        in_list = ", ".join(str(pk) for pk in ids)
        cases = " ".join(f"WHEN {pk} THEN {rank}" for rank, pk in enumerate(ids))
        return (
            "",
            [],
            f" AND e.page_id IN ({in_list})",
            [],
            f"CASE e.page_id {cases} END, e.id",
        )


def run_search(query: SearchQuery) -> SearchResults:
    join, join_params, extra_where, extra_params, relevance = _Matcher(query).parts()
    where = "e.language = %s" + extra_where
    params = [*join_params, query.language, *extra_params]
    for facet_name, values in sorted(query.filters.items()):
        for value in values:
            where += (
                " AND e.id IN (SELECT entry_id FROM search_searchfacetvalue "
                "WHERE facet = %s AND value = %s)"
            )
            params += [facet_name, value]
    base = f"FROM search_searchentry e {join} WHERE {where}"  # noqa: S608 - no input
    order = relevance if query.order == "relevance" else "e.date DESC, e.id DESC"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) {base}", params)  # noqa: S608
        total = cursor.fetchone()[0]
        num_pages = max(1, ceil(total / query.per_page))
        offset = (min(max(query.page, 1), num_pages) - 1) * query.per_page
        cursor.execute(
            f"SELECT e.id {base} ORDER BY {order} LIMIT %s OFFSET %s",  # noqa: S608
            [*params, query.per_page, offset],
        )
        page_ids = [row[0] for row in cursor.fetchall()]
        facet_sql = (
            "SELECT facet, value, COUNT(*) FROM search_searchfacetvalue "  # noqa: S608
            f"WHERE entry_id IN (SELECT e.id {base}) GROUP BY facet, value"
        )
        cursor.execute(facet_sql, params)
        counts = cursor.fetchall()
    return SearchResults(
        query=query,
        hits=_hits(page_ids, query.terms),
        total=total,
        facets=_facet_counts(counts, query),
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
    terms = query_terms(text)
    if not terms or len(terms[-1]) < 2:
        return []
    sql, params, direction = fulltext.match_sql(terms, prefix_last=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.page_id, e.title FROM search_searchentry e JOIN ({sql}) m "  # noqa: S608
            f"ON m.id = e.id WHERE e.language = %s ORDER BY m.score {direction} LIMIT %s",
            [*params, language, limit],
        )
        rows = cursor.fetchall()
    pages = Page.objects.in_bulk([pk for pk, _ in rows])
    return [
        {"title": title, "url": pages[pk].get_url()}
        for pk, title in rows
        if pk in pages
    ]
