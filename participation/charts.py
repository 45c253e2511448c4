"""Participation rates as chart data, for the chart block and the dashboard."""

from __future__ import annotations

import pandas as pd
from django.utils import timezone
from django.utils.translation import gettext

from charts.data import ChartData
from charts.sources import SourceUnavailable
from participation.selectors import RATE_LABELS, CycleRates, rates_across_cycles


def rate_frame(history: list[CycleRates], rate: str) -> pd.DataFrame:
    """category = cycle, series = country, value = % of the country's districts."""
    records = [
        {
            "category": cycle_rates.label,
            "series": row.country,
            "value": row.rate(rate),
        }
        for cycle_rates in history
        for row in cycle_rates.by_country
    ]
    return pd.DataFrame(records, columns=["category", "series", "value"])


def rate_chart(history: list[CycleRates], rate: str) -> ChartData:
    if rate not in RATE_LABELS:
        raise SourceUnavailable(gettext("This participation rate does not exist."))
    if not history:
        raise SourceUnavailable(gettext("No cycle has been published yet."))
    return ChartData(
        frame=rate_frame(history, rate),
        category_label=gettext("Cycle"),
        value_label=str(RATE_LABELS[rate]),
        unit="%",
        metadata={
            "source": gettext("District.Team participation records"),
            "date": timezone.localdate().isoformat(),
        },
    )


def rate_chart_data(rate: str) -> ChartData:
    """The ``CHARTS_PARTICIPATION_LOADER`` of the chart block's participation source."""
    return rate_chart(rates_across_cycles(), rate)
