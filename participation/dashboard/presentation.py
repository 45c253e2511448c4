"""The facilitators' participation dashboard: what a view shows, and its exports."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from charts.selectors import format_value
from cycles.exports import neutralise
from cycles.models import CyclePage
from participation.chart_sources import rate_chart
from participation.selectors import (
    RATE_LABELS,
    RATES,
    CycleRates,
    DistrictParticipation,
    RateRow,
    canonical_cycles,
    cycle_label,
    district_participation,
    districts_at_risk,
    rates_across_cycles,
    rates_by,
)


@dataclass
class Dashboard:
    cycles: list[CyclePage]
    cycle: CyclePage | None
    cycle_label: str = ""
    rows: list[DistrictParticipation] = field(default_factory=list)
    by_country: list[RateRow] = field(default_factory=list)
    by_region: list[RateRow] = field(default_factory=list)
    history: list[CycleRates] = field(default_factory=list)
    at_risk: list = field(default_factory=list)
    country: str = ""

    @property
    def cycle_options(self) -> list[tuple[int, str]]:
        """(id, title in the reader's language) of every cycle, newest first."""
        return [(cycle.pk, cycle_label(cycle)) for cycle in reversed(self.cycles)]

    @property
    def rate_labels(self) -> list[str]:
        return [str(RATE_LABELS[name]) for name in RATES]


def default_cycle(cycles: list[CyclePage], today=None) -> CyclePage | None:
    """The newest cycle whose answers have opened, else the newest cycle."""
    today = today or timezone.localdate()
    opened = [c for c in cycles if c.answers_open and c.answers_open <= today]
    return (opened or cycles or [None])[-1]


def build_dashboard(cycle_id: str = "", country: str = "") -> Dashboard:
    cycles = canonical_cycles()
    chosen = next((c for c in cycles if str(c.pk) == cycle_id), None)
    history = rates_across_cycles(cycles)
    dashboard = Dashboard(
        cycles=cycles,
        cycle=chosen or default_cycle(cycles),
        history=history,
        at_risk=districts_at_risk(history),
        country=country,
    )
    if dashboard.cycle is None:
        return dashboard
    current = next((h for h in history if h.cycle == dashboard.cycle), None)
    if current is None:  # a cycle whose answers have not opened yet
        rows = district_participation(dashboard.cycle)
        current = CycleRates(
            dashboard.cycle,
            cycle_label(dashboard.cycle),
            rates_by(rows, "country"),
            rows,
        )
    dashboard.cycle_label = current.label
    dashboard.rows = [
        row
        for row in current.rows
        if not country or row.district.country.code == country
    ]
    dashboard.by_country = current.by_country
    dashboard.by_region = rates_by(current.rows, "region")
    return dashboard


def percent(value: float | None) -> str:
    """ "67 %" with a non-breaking space in French, "67%" in English."""
    return "–" if value is None else _("%(value)s%%") % {"value": f"{value:.0f}"}


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def export_rows(dashboard: Dashboard) -> list[list]:
    """The district table as a spreadsheet: one row per district of the cycle."""
    header = [
        _("Cycle"),
        _("District"),
        _("District code"),
        _("Country"),
        _("Region"),
        _("Invited members"),
        _("Members who have joined"),
        _("Survey status"),
        _("Survey status date"),
        _("Comments on the results"),
        _("Discussion posts"),
        _("Last visit"),
        _("Follow-up reported"),
    ]
    rows = [header]
    for row in dashboard.rows:
        rows.append(
            [
                dashboard.cycle_label,
                row.district.name,
                row.district.code,
                row.district.country.name,
                row.district.region,
                row.members,
                row.joined,
                row.status_label,
                _moment(row.status_at),
                row.results_comments,
                row.discussion_posts,
                _moment(row.last_visit),
                _("yes") if row.followed_up else _("no"),
            ]
        )
    return [[neutralise(value) for value in line] for line in rows]


@dataclass
class RateChart:
    """One rate across cycles: the accessible table, and the figure's address."""

    rate: str
    title: str
    category_label: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]


def rate_charts(history: list[CycleRates]) -> list[RateChart]:
    charts = []
    if not history:
        return charts
    for rate in RATES:
        data = rate_chart(history, rate)
        wide = data.wide()
        charts.append(
            RateChart(
                rate=rate,
                title=str(RATE_LABELS[rate]),
                category_label=data.category_label,
                columns=[str(c) for c in wide.columns],
                rows=[
                    (str(label), [format_value(v, data.unit) for v in values])
                    for label, values in zip(
                        wide.index, wide.itertuples(index=False), strict=True
                    )
                ],
            )
        )
    return charts
