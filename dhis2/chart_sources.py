"""The DHIS2 analytics source of the chart block (registered by ``Dhis2Config.ready``):
an editor picks an ``AnalyticsQuery``; the chart shows its last stored snapshot."""

import pandas as pd
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from charts.data import ChartData
from charts.sources import ChartContext, Source, SourceUnavailable, register_source
from dhis2.models import AnalyticsSnapshot
from dhis2.selectors import snapshot_table


class Dhis2SourceBlock(blocks.StructBlock):
    query = SnippetChooserBlock(
        "dhis2.AnalyticsQuery",
        label=_("analytics query"),
        help_text=_(
            "The chart shows the query's last snapshot; refresh it from DHIS2 in the "
            "admin."
        ),
    )

    class Meta:
        icon = "download"
        label = _("DHIS2 analytics")


def analytics_chart_data(value, context: ChartContext) -> ChartData:
    """The chosen query's last stored snapshot as ChartData. Never calls DHIS2:
    when the last refresh failed, the previous data is still here."""
    query = value.get("query")
    if query is None:
        raise SourceUnavailable(gettext("The DHIS2 query of this chart was deleted."))
    snapshot = AnalyticsSnapshot.objects.filter(query=query).first()
    rows = snapshot_table(snapshot.pk) if snapshot else []
    rows = [row for row in rows if row.get("value") is not None]
    if not rows:
        raise SourceUnavailable(
            gettext("No data has been fetched from DHIS2 for “%(name)s” yet.")
            % {"name": query.name}
        )
    frame = pd.DataFrame(rows)
    one_place = frame["ou"].nunique() == 1
    one_period = frame["pe"].nunique() == 1
    if one_place and not one_period:
        frame["category"], frame["series"] = frame["pe_name"], frame["dx_name"]
        category_label = gettext("Period")
    else:
        frame["category"] = frame["ou_name"]
        frame["series"] = (
            frame["dx_name"]
            if one_period
            else frame["dx_name"] + " (" + frame["pe_name"] + ")"
        )
        category_label = gettext("Organisation unit")
    return ChartData(
        frame=frame[["category", "series", "value"]],
        category_label=category_label,
        value_label=frame["dx_name"].iloc[0] if frame["dx"].nunique() == 1 else "",
        metadata={
            "source": "DHIS2",
            "n": str(len(frame)),
            "date": timezone.localtime(snapshot.fetched_at).date().isoformat(),
        },
    )


register_source(
    Source(
        kind="dhis2_analytics",
        label=_("DHIS2 analytics"),
        block=Dhis2SourceBlock,
        table=analytics_chart_data,
        order=30,
    )
)
