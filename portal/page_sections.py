"""Extra sections a lower app's page shows, filled by apps above it.

A cycle page (``cycles``) or a lesson page (``lessons``) cannot import the apps that
build on it (follow-up, for one): each offers a ``SectionRegistry``, and a higher
app registers a provider (as chart sources plug into ``charts.sources``). A provider gets the page's request and objects by keyword and
returns a ``Section`` (its template and context) or None when it has nothing to
show. The registering module is the app's ``sections.py``, which the lower app
finds by name (``autodiscover_modules``, as charts finds ``chart_sources.py``). It must cost a fixed number of queries, whatever the page holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


Provider = Callable[..., Section | None]


class SectionRegistry:
    def __init__(self) -> None:
        self._providers: dict[str, tuple[int, Provider]] = {}

    def register(self, name: str, provider: Provider, order: int = 50) -> None:
        self._providers[name] = (order, provider)

    def sections(self, **page_objects: Any) -> list[Section]:
        """What every registered provider shows for this page, in order."""
        found = []
        for _order, provider in sorted(
            self._providers.values(), key=lambda item: item[0]
        ):
            section = provider(**page_objects)
            if section is not None:
                found.append(section)
        return found
