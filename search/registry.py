"""Page types that take part in site search, and the facets they contribute.

An app registers a page model with a function that turns one page into a
SearchDocument in its ``search_adapter.py``, which the search app's ``ready`` finds
by name (Django's ``autodiscover_modules``), e.g. ``register(CyclePage, cycle_document)``.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class SearchDocument:
    title: str
    text: str
    date: datetime.date | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Facet:
    """A facet shown on the search page; `labels` turns stored values into labels."""

    name: str
    label: str
    labels: Callable[[Iterable[str], str], dict[str, str]]
    order: int = 50


_documents: dict[type[Page], Callable[[Page], SearchDocument]] = {}
_facets: dict[str, Facet] = {}


def register(model: type[Page], to_document: Callable[[Page], SearchDocument]) -> None:
    _documents[model] = to_document


def register_facet(facet: Facet) -> None:
    _facets[facet.name] = facet


def searchable_models() -> list[type[Page]]:
    return list(_documents)


def document_for(page: Page) -> SearchDocument | None:
    to_document = _documents.get(type(page))
    return to_document(page) if to_document else None


def facets() -> list[Facet]:
    return sorted(_facets.values(), key=lambda f: (f.order, f.name))
