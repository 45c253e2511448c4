"""Where a chart's data comes from: a registry of source kinds, and of the page
models that give their charts a context.

Charts know no app above them. Each app registers its own kinds from its
``chart_sources.py``, which charts' ``AppConfig.ready`` finds by name (Django's
``autodiscover_modules``, as Wagtail finds ``wagtail_hooks.py``; search finds
``search_adapter.py`` the same way): the block an editor fills in and a function turning
that block's value plus the page's ``ChartContext`` into ``ChartData``. A source that
cannot give data raises ``SourceUnavailable`` with a message for the editor; the
chart then shows that message instead of data (never a server error).

The chart block's source choices are read from this registry on first use, once
every app is ready (``SourceStreamBlock``), so a registration module may import its
own app's models and selectors at module level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext
from wagtail import blocks

from charts.anonymise import DisplayOptions
from charts.data import ChartData


class SourceUnavailable(Exception):
    """The source cannot give data (not configured, not wired, nothing uploaded)."""


@dataclass
class ChartContext:
    """What a source needs to know about the page a chart sits on.

    ``districts_taking_part`` is the number of districts taking part in the page's
    cycle, which the cycle gives (charts do not know cycles): the "of N districts" of
    a survey chart's caption. None on other pages, and then N is the districts that
    responded."""

    page: Any = None
    language: str = ""
    cycle_title: str = ""
    display: DisplayOptions = field(default_factory=DisplayOptions)
    districts_taking_part: int | None = None


@dataclass(frozen=True)
class Source:
    """A kind of data source. ``order`` places its block among the chart block's
    choices (the order is recorded in migrations: keep it)."""

    kind: str
    label: Any
    block: Callable[[], blocks.Block]
    table: Callable[[Any, ChartContext], ChartData]
    order: int = 50


SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> Source:
    SOURCES[source.kind] = source
    return source


def source_block_choices() -> list[tuple[str, blocks.Block]]:
    ordered = sorted(SOURCES.values(), key=lambda source: (source.order, source.kind))
    return [(source.kind, source.block()) for source in ordered]


def chart_data(kind: str, value: Any, context: ChartContext) -> ChartData:
    source = SOURCES.get(kind)
    if source is None:
        raise SourceUnavailable(gettext("This kind of data source is not available."))
    return source.table(value, context)


# --- Chart hosts: page models whose charts need more than a neutral context. -------

ChartHost = Callable[[Any], ChartContext]
"""A page model's context provider: ``provider(page) -> ChartContext`` (e.g. a
learning cycle gives its display options and its number of districts taking part)."""

HOSTS: dict[type, ChartHost] = {}


def register_host(model: type, provider: ChartHost) -> None:
    HOSTS[model] = provider


def chart_context_for(page) -> ChartContext:
    """The context the page's model registered (nearest class first), or a neutral
    one in the page's language."""
    for cls in type(page).__mro__:
        provider = HOSTS.get(cls)
        if provider is not None:
            return provider(page)
    return ChartContext(page=page, language=page.locale.language_code)
