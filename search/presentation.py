"""Turns search results into what the template shows: links that add or remove a
filter, keeping the rest of the query."""

from dataclasses import dataclass

from django.http import HttpRequest, QueryDict

from search.engine import SearchResults
from search.forms import ORDER_CHOICES, SearchForm


@dataclass
class FacetLink:
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetGroup:
    name: str
    label: str
    links: list[FacetLink]


@dataclass
class OrderLink:
    label: str
    url: str
    selected: bool


def _url(params: QueryDict) -> str:
    return "?" + params.urlencode() if params else "?"


def _toggle(request: HttpRequest, name: str, value: str, selected: bool) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    values = [v for v in params.getlist(name) if v != value]
    if not selected:
        values.append(value)
    params.setlist(name, values)
    return _url(params)


def _with(request: HttpRequest, **changes) -> str:
    params = request.GET.copy()
    for name, value in changes.items():
        params[name] = value
    return _url(params)


def _clear_filters(text: str) -> str:
    params = QueryDict(mutable=True)
    if text:
        params["q"] = text
    return _url(params)


def results_context(
    request: HttpRequest, form: SearchForm, results: SearchResults
) -> dict:
    query = results.query
    groups = [
        FacetGroup(
            facet.name,
            facet.label,
            [
                FacetLink(
                    o.label,
                    o.count,
                    o.selected,
                    _toggle(request, facet.name, o.value, o.selected),
                )
                for o in facet.options
            ],
        )
        for facet in results.facets
    ]
    page = results.page
    return {
        "form": form,
        "query": query.text,
        "results": results,
        "hits": results.hits,
        "facet_groups": groups,
        "has_filters": bool(query.filters),
        "active_filter_count": sum(
            link.selected for group in groups for link in group.links
        ),
        "clear_filters_url": _clear_filters(query.text),
        "order_links": [
            OrderLink(
                str(label), _with(request, order=value, page="1"), value == query.order
            )
            for value, label in ORDER_CHOICES
        ],
        "previous_url": _with(request, page=str(page - 1)) if page > 1 else "",
        "next_url": _with(request, page=str(page + 1))
        if page < results.num_pages
        else "",
        "page_number": page,
        "num_pages": results.num_pages,
    }
