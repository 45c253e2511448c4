"""Facets every searchable page type can use: kind, year, country, cycle."""

from collections.abc import Iterable

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from districts.models import Country
from portal import chrome
from search.registry import Facet, register_facet


def kind_labels(values: Iterable[str], language: str) -> dict[str, str]:
    labels = {}
    for value in values:
        try:
            labels[value] = str(apps.get_model(value)._meta.verbose_name).capitalize()
        except (LookupError, ValueError):
            labels[value] = value
    return labels


def same_labels(values: Iterable[str], language: str) -> dict[str, str]:
    return {value: value for value in values}


def country_labels(values: Iterable[str], language: str) -> dict[str, str]:
    countries = Country.objects.filter(code__in=values)
    if language == "en":
        return {c.code: c.name_en or c.name for c in countries}
    return {c.code: c.name for c in countries}


def cycle_labels(values: Iterable[str], language: str) -> dict[str, str]:
    """Cycles are stored by translation key: show each in the reader's language
    (titles from the site's cache, renewed when a page is saved)."""
    keys = sorted(str(value) for value in values)
    return chrome.cached(
        None, "cycle-labels", lambda: _cycle_labels(keys, language), language, *keys
    )


def _cycle_labels(keys: list[str], language: str) -> dict[str, str]:
    pages = Page.objects.filter(translation_key__in=keys).select_related("locale")
    labels: dict[str, str] = {}
    for page in pages:
        key = str(page.translation_key)
        if key not in labels or page.locale.language_code == language:
            labels[key] = page.title
    return labels


register_facet(Facet("kind", _("Content"), kind_labels, order=5))
register_facet(Facet("country", _("Country"), country_labels, order=40))
register_facet(Facet("year", _("Year"), same_labels, order=60))
register_facet(Facet("cycle", _("Learning cycle"), cycle_labels, order=70))
