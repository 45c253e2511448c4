"""Participation rates as chart data, for the dashboard and the chart block's
"participation across cycles" source (registered by ``ParticipationConfig.ready``)."""

from __future__ import annotations

import pandas as pd
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from charts.data import ChartData
from charts.sources import ChartContext, Source, SourceUnavailable, register_source
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


class ParticipationRate:
    ANSWERED = "answered"
    COMMENTED = "commented"
    DISCUSSED = "discussed"

    OPTIONS = [
        (ANSWERED, _("Districts that answered the questionnaire")),
        (COMMENTED, _("Districts that commented on the results")),
        (DISCUSSED, _("Districts that took part in the discussion")),
    ]


class ParticipationSourceBlock(blocks.StructBlock):
    rate = blocks.ChoiceBlock(
        choices=ParticipationRate.OPTIONS,
        default=ParticipationRate.ANSWERED,
        label=_("rate"),
    )

    class Meta:
        icon = "group"
        label = _("Participation across cycles")


def participation_table(value, context: ChartContext) -> ChartData:
    """The chosen rate of every published cycle, by country."""
    rate = value.get("rate") or ParticipationRate.ANSWERED
    return rate_chart(rates_across_cycles(), rate)


register_source(
    Source(
        kind="participation",
        label=_("Participation across cycles"),
        block=ParticipationSourceBlock,
        table=participation_table,
        order=40,
    )
)
