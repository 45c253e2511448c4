"""Wagtail's page routing in two queries instead of nine.

Wagtail finds a page by walking the tree from the site's root: the site (one query),
the active locale (one), the localized root (one), then for every level of the path a
child by slug and its specific row (two each), and, before serving, the ancestors'
aliases and the view restrictions (two). A cycle page three levels down cost nine
queries before its own code ran.

``serve`` finds the same page in two: the chain of pages whose URL paths are the
prefixes of the requested one (one query; the site and its localized roots come from
the site's cache, portal/chrome.py) and the target's specific row (one). It then hands
the result to Wagtail's own ``serve`` view through the attribute Wagtail documents for
caching a route (``request._wagtail_route_for_request``), so every hook (privacy,
the page cache, the PDF brief) runs as before.

It only takes this short cut when it gives what Wagtail's walk would: every page of
the chain routes its children by slug (``Page.route``, or a class that says its own
``route`` only adds to that), no page of the chain is an alias, and the whole path is
found. Anything else (a 404, a routable sub-path such as a cycle's ``survey/``, an
alias) goes through Wagtail's walk, unchanged.

The page models' ``RoutedPageMixin`` (portal/restrictions.py) then reads the page's view
restrictions from the site's cache instead of two more queries.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal import chrome
from portal.restrictions import NO_ALIASES
from portal.translations import locale_for

_ROUTE_ATTR = "_wagtail_route_for_request"  # Wagtail's cache of a request's route
_SITE_ATTR = "_wagtail_site"  # Wagtail's cache of a request's site


def serve(request: HttpRequest, path: str):
    """Wagtail's ``serve`` view, routed in two queries where that gives the same page."""
    if not hasattr(request, _ROUTE_ATTR):
        route = _short_route(request, path)
        if route is not None:
            setattr(request, _ROUTE_ATTR, route)
    return wagtail_views.serve(request, path)


def _routes_children_by_slug(model) -> bool:
    return model.route is Page.route or getattr(model, "routes_children_by_slug", False)


def _site(request: HttpRequest) -> Site | None:
    if hasattr(request, _SITE_ATTR):
        return getattr(request, _SITE_ATTR)
    host = request.get_host().lower()
    site = chrome.cached(
        request,
        "site",
        lambda: Site.find_for_request(request) or "",
        host,
        request.get_port(),
    )
    if site:
        setattr(request, _SITE_ATTR, site)
        return site
    return None


def _localized_root(request: HttpRequest, site: Site) -> dict | None:
    """The site's root page in the active language (as ``root_page.localized``)."""
    locale = locale_for(get_language())
    if locale is None:
        return None

    def compute():
        root = Page.objects.filter(pk=site.root_page_id).only("translation_key")
        row = (
            Page.objects.live()
            .filter(translation_key__in=root.values("translation_key"), locale=locale)
            .values("pk", "path", "url_path", "depth", "content_type_id", "alias_of_id")
            .first()
        )
        if row is None:  # no live translation: Wagtail serves the root itself
            row = (
                Page.objects.filter(pk=site.root_page_id)
                .values(
                    "pk", "path", "url_path", "depth", "content_type_id", "alias_of_id"
                )
                .first()
            )
        return row or ""

    return chrome.cached(request, "localized-root", compute, site.pk, locale.pk) or None


def _short_route(request: HttpRequest, path: str):
    site = _site(request)
    root = _localized_root(request, site) if site else None
    if root is None or root["alias_of_id"]:
        return None
    components = [part for part in path.split("/") if part]
    # Kept in the site's cache: its token changes whenever a page row is saved,
    # moved or deleted (and with every publication or privacy change).
    page = chrome.cached(
        request,
        "route",
        lambda: _target(root, components) or "",
        root["pk"],
        "/".join(components),
    )
    if not page:
        return None
    # The page's own answer to being the end of the path (its live check included).
    setattr(page, NO_ALIASES, True)
    try:
        return page.route(request, [])
    except Http404:
        return None


def _target(root: dict, components: list[str]) -> Page | None:
    """The specific page at the end of ``components`` under ``root``, or None where
    Wagtail's walk must decide."""
    if not components:  # the home page: the localized root itself
        return _specific(_model(root), root["pk"])
    prefixes = [
        root["url_path"] + "/".join(components[: index + 1]) + "/"
        for index in range(len(components))
    ]
    chain = list(
        Page.objects.filter(url_path__in=prefixes, path__startswith=root["path"])
        .values("pk", "path", "depth", "content_type_id", "alias_of_id", "url_path")
        .order_by("depth")
    )
    if len(chain) != len(components) or any(row["alias_of_id"] for row in chain):
        return None
    if any(
        row["depth"] != root["depth"] + index + 1 or row["url_path"] != prefixes[index]
        for index, row in enumerate(chain)
    ):
        return None
    routers = [root, *chain[:-1]]
    models = [_model(row) for row in [*routers, chain[-1]]]
    if None in models or not all(_routes_children_by_slug(m) for m in models[:-1]):
        return None
    return _specific(models[-1], chain[-1]["pk"])


def _specific(model, pk: int) -> Page | None:
    if model is None:
        return None
    return model.objects.filter(pk=pk).select_related("locale").first()


def _model(row: dict):
    return ContentType.objects.get_for_id(row["content_type_id"]).model_class()
