"""The "commitment indicator" source of the chart block (registered by
``FollowupConfig.ready``): one district's values of the DHIS2 indicator its team
chose to follow, before and after the date it committed, from the portal's stored
analytics snapshot (never a call to DHIS2).

A chart is the same for every reader, so it follows the team's choice for the
public: a hidden commitment has no chart, a pseudonymous one is titled with the
cycle's pseudonym.
"""

import datetime as dt
import re

import pandas as pd
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from charts.data import ChartData
from charts.sources import ChartContext, Source, SourceUnavailable, register_source
from cycles.models import CyclePage
from cycles.selectors import canonical_cycle
from dhis2.models import AnalyticsSnapshot
from followup.models import Commitment
from followup.visibility import PUBLIC, Labels, label_for

PERIOD = re.compile(r"^(\d{4})(?:(\d{2})|Q([1-4]))?$")


def period_start(period: str) -> dt.date | None:
    """2024 → 1 Jan 2024, 202403 → 1 Mar 2024, 2024Q2 → 1 Apr 2024; other DHIS2
    period types (weeks, financial years) → None."""
    match = PERIOD.match(period or "")
    if not match:
        return None
    year, month, quarter = match.groups()
    if month:
        return dt.date(int(year), int(month), 1) if 1 <= int(month) <= 12 else None
    if quarter:
        return dt.date(int(year), 3 * int(quarter) - 2, 1)
    return dt.date(int(year), 1, 1)


class CommitmentIndicatorBlock(blocks.StructBlock):
    district = blocks.CharBlock(
        label=_("district code"), help_text=_("For example bj-banikoara.")
    )
    commitment = blocks.IntegerBlock(
        label=_("commitment number"), min_value=1, max_value=3, default=1
    )

    class Meta:
        icon = "pick"
        label = _("Commitment indicator (before / after)")


def before_after_frame(rows: list[dict], uid: str, org_unit: str, on: dt.date):
    """The tidy table: one row per period of the indicator for the org unit, its
    series "Before" or "After" the commitment date (a period that starts on or
    after it counts as after)."""
    kept = []
    for row in rows:
        start = period_start(row.get("pe", ""))
        if row.get("dx") != uid or row.get("ou") != org_unit or start is None:
            continue
        if row.get("value") is None:
            continue
        series = gettext("After") if start >= on else gettext("Before")
        kept.append((start, row.get("pe_name") or row["pe"], series, row["value"]))
    kept.sort()
    return pd.DataFrame(
        [(name, series, float(value)) for _start, name, series, value in kept],
        columns=["category", "series", "value"],
    )


def commitment_chart_data(value, context: ChartContext) -> ChartData:
    page = context.page
    if not isinstance(page, CyclePage):
        raise SourceUnavailable(gettext("This chart belongs on a cycle page."))
    cycle = canonical_cycle(page)
    commitment = (
        Commitment.objects.filter(
            cycle=cycle,
            district__code=value.get("district", ""),
            slot=value.get("commitment") or 1,
        )
        .select_related("district__country")
        .first()
    )
    label = label_for(commitment, PUBLIC, Labels(cycle)) if commitment else None
    if label is None:
        raise SourceUnavailable(gettext("This district's commitment is not shown."))
    if not commitment.indicator or commitment.indicator_query_id is None:
        raise SourceUnavailable(gettext("This commitment follows no DHIS2 indicator."))
    snapshot = AnalyticsSnapshot.objects.filter(
        query_id=commitment.indicator_query_id
    ).first()
    frame = before_after_frame(
        snapshot.data if snapshot else [],
        commitment.indicator,
        commitment.district.dhis2_uid,
        commitment.committed_on,
    )
    if frame.empty:
        raise SourceUnavailable(gettext("No DHIS2 values are stored for it yet."))
    return ChartData(
        frame=frame,
        category_label=gettext("Period"),
        value_label=commitment.indicator_name,
        metadata={
            "source": "DHIS2",
            "district": label,
            "date": commitment.committed_on.isoformat(),
            "n": str(len(frame)),
        },
    )


register_source(
    Source(
        kind="commitment_indicator",
        label=_("Commitment indicator (before / after)"),
        block=CommitmentIndicatorBlock,
        table=commitment_chart_data,
        order=60,
    )
)
