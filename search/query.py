"""A search as the reader asked it, and what comes back: hits, facets, pages."""

import datetime
from dataclasses import dataclass, field
from math import ceil

from django.utils.safestring import SafeString

from search.text import query_terms

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
