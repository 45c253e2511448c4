"""Reads: stored chart snapshots and what a reader is shown of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.cache import cache
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import get_language, gettext

from charts.anonymise import DisplayOptions, for_display
from charts.data import ChartData
from charts.models import ChartSnapshot
from portal import chrome
from portal.pagecache import FRAGMENT_STATS
from portal.times import SHORT_DATE
from portal.translations import language_of
from portal.typography import number


def snapshots_for_page(page) -> dict[str, ChartSnapshot]:
    """Every chart snapshot of a page, in one query, by block id; kept in the site's
    cache, which every recomputation renews (charts/services.py)."""
    language = language_of(page)
    return chrome.cached(
        None,
        "snapshots",
        lambda: {
            s.block_id: s
            for s in ChartSnapshot.objects.filter(
                translation_key=page.translation_key, language=language
            )
        },
        page.translation_key,
        language,
    )


def page_snapshots(page, request=None) -> dict[str, ChartSnapshot]:
    """``snapshots_for_page``, read once per request: the page's social tags (in
    the head) and its charts (in the body) share the one query."""
    if request is None:
        return snapshots_for_page(page)
    cache = request.__dict__.setdefault("_chart_snapshots", {})
    key = (page.translation_key, language_of(page))
    if key not in cache:
        cache[key] = snapshots_for_page(page)
    return cache[key]


def display_options(snapshot: ChartSnapshot) -> DisplayOptions:
    return DisplayOptions(
        mode=snapshot.display_mode,
        seed=snapshot.pseudonym_seed,
        universe=frozenset(snapshot.district_universe) or None,
    )


def shown_data(snapshot: ChartSnapshot, viewer_district_id=None) -> ChartData | None:
    """The snapshot's data as the display mode allows (never district ids)."""
    if not snapshot.data:
        return None
    return for_display(
        ChartData.from_dict(snapshot.data),
        display_options(snapshot),
        viewer_district_id,
    )


# plotly.js speaks English; its locale files (static/js/vendor/) for the others.
PLOTLY_LOCALE_SCRIPTS = {"fr": "js/vendor/plotly-locale-fr.js"}


def plotly_locale() -> tuple[str, str]:
    """(plotly locale, its static script) of the active language; ("", "") when
    plotly's own English is right."""
    language = (get_language() or "").split("-")[0]
    script = PLOTLY_LOCALE_SCRIPTS.get(language, "")
    return (language, script) if script else ("", "")


# 56–60 districts made each table 2,200–2,900 px at 360 px (issue 16).
FOLD_AFTER_ROWS = 10


@dataclass
class TableRow:
    label: str
    values: list[str]
    is_viewer: bool = False


@dataclass
class ChartView:
    """Everything the chart template shows, computed here rather than in it."""

    snapshot: ChartSnapshot
    dom_id: str
    category_label: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    summary: str = ""
    source: str = ""
    date: str = ""
    autoload: bool = False
    urls: dict[str, str] = field(default_factory=dict)
    plotly_locale: str = ""
    plotly_locale_script: str = ""

    @property
    def has_data(self) -> bool:
        return bool(self.rows)

    @property
    def is_long(self) -> bool:
        """A table of more rows than a phone screen shows: folded, header kept."""
        return len(self.rows) > FOLD_AFTER_ROWS

    @property
    def viewer_row(self) -> TableRow | None:
        """The signed-in member's district row, when the display mode shows one
        (under pseudonyms: labelled by its own pseudonym; never with countries)."""
        return next((row for row in self.rows if row.is_viewer), None)

    @property
    def viewer_row_id(self) -> str:
        return f"{self.dom_id}-your-district"

    @property
    def interactive(self) -> bool:
        return bool(self.snapshot.figure) and self.snapshot.chart_type != "table"


def format_value(value, unit: str) -> str:
    """ "57" and "57 %", not "57.0" and "57.0 %"; "2,5" in French (portal/typography)."""
    if value is None or value != value:
        return "–"
    text = number(value)
    return gettext("%(value)s%%") % {"value": text} if unit == "%" else text


def answered_summary(metadata: dict) -> str:
    if "N" not in metadata:
        return ""
    return gettext("%(n)s of %(total)s districts answered") % {
        "n": metadata.get("n", "0"),
        "total": metadata["N"],
    }


def data_date(stored: str) -> str:
    """The stored ISO date of the data ("2026-12-02", kept so in downloads) as the
    site writes dates: "2 déc. 2026", "2 Dec. 2026"; "" when it is not a date."""
    try:
        day = dt.date.fromisoformat(str(stored)[:10])
    except ValueError:
        return ""
    return dateformat.format(day, SHORT_DATE)


def chart_urls(snapshot: ChartSnapshot) -> dict[str, str]:
    kwargs = {
        "translation_key": snapshot.translation_key,
        "language": snapshot.language,
        "block_id": snapshot.block_id,
    }
    return {
        name: reverse(f"charts:{name}", kwargs=kwargs)
        for name in ("csv", "json", "figure", "embed", "page")
    }


@dataclass
class ChartTable:
    """The data-derived part of a chart's view (its table, summary, source, date):
    the costly part (pandas), kept in the cache per snapshot version, language and
    viewer's district (``table_for``)."""

    category_label: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    summary: str = ""
    source: str = ""
    date: str = ""


# Shown to signed-in readers too, so never one reader's view under another's key: the
# key names the snapshot's version (any save of it changes `computed_at`), the language
# the labels and numbers are written in, and the viewer's district (their row, their
# own name under pseudonyms). What the display mode hides is applied before storing.
TABLE_CACHE_SECONDS = 24 * 3600
TABLE_FORMAT = 1  # bump when ChartTable or TableRow change: old pickles are not read


def table_cache_key(snapshot: ChartSnapshot, viewer_district_id) -> str:
    version = snapshot.computed_at.timestamp() if snapshot.computed_at else 0
    return (
        f"charts:table:{TABLE_FORMAT}:{snapshot.pk}:{version}:{get_language() or ''}:"
        f"{viewer_district_id or '-'}"
    )


def compute_table(snapshot: ChartSnapshot, viewer_district_id=None) -> ChartTable:
    data = shown_data(snapshot, viewer_district_id)
    if data is None:
        return ChartTable()
    wide = data.wide()
    viewer_rows = set(data.frame.loc[data.frame["is_viewer"], "category"])
    return ChartTable(
        category_label=data.category_label,
        columns=[name or data.value_label for name in wide.columns],
        rows=[
            TableRow(
                label=str(category),
                values=[format_value(v, data.unit) for v in row],
                is_viewer=category in viewer_rows,
            )
            for category, row in zip(
                wide.index, wide.itertuples(index=False), strict=True
            )
        ],
        summary=answered_summary(data.metadata),
        source=snapshot.source_note or data.metadata.get("source", ""),
        date=data_date(data.metadata.get("date", "")),
    )


def table_for(
    snapshot: ChartSnapshot, viewer_district_id=None, request=None
) -> ChartTable:
    """``compute_table`` through the cache; counts hits on the request."""
    if snapshot.pk is None or not snapshot.data:
        return compute_table(snapshot, viewer_district_id)
    key = table_cache_key(snapshot, viewer_district_id)
    table = cache.get(key)
    if request is not None:
        stats = request.__dict__.setdefault(FRAGMENT_STATS, [0, 0])
        stats[0] += table is not None
        stats[1] += 1
    if table is None:
        table = compute_table(snapshot, viewer_district_id)
        cache.set(key, table, TABLE_CACHE_SECONDS)
    return table


def chart_view(
    snapshot: ChartSnapshot,
    viewer_district_id=None,
    save_data: bool = False,
    request=None,
) -> ChartView:
    view = ChartView(
        snapshot=snapshot,
        dom_id=f"chart-{snapshot.block_id}",
        autoload=not save_data,
        urls=chart_urls(snapshot),
    )
    view.plotly_locale, view.plotly_locale_script = plotly_locale()
    table = table_for(snapshot, viewer_district_id, request)
    view.category_label = table.category_label
    view.columns = table.columns
    view.rows = table.rows
    view.summary = table.summary
    view.source = table.source
    view.date = table.date
    return view
