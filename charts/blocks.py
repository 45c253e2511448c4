from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from charts.sources import source_block_choices


class ChartType:
    BAR = "bar"
    STACKED_BAR = "stacked_bar"
    GROUPED_BAR = "grouped_bar"
    LINE = "line"
    TABLE = "table"

    CHOICES = [
        (BAR, _("Bar chart")),
        (STACKED_BAR, _("Stacked bar chart")),
        (GROUPED_BAR, _("Grouped bar chart")),
        (LINE, _("Line chart")),
        (TABLE, _("Table only")),
    ]


class ChartValue(blocks.StructValue):
    """Computed values for the chart's template and its snapshot."""

    @property
    def source_kind(self) -> str:
        source = self.get("source")
        return source[0].block_type if source else ""

    @property
    def source_value(self):
        source = self.get("source")
        return source[0].value if source else None

    @property
    def is_table_only(self) -> bool:
        return self.get("chart_type") == ChartType.TABLE


class ChartBlock(blocks.StructBlock):
    """A chart (or a table) of survey results, an uploaded dataset or DHIS2 data.

    Rendered from its stored ``ChartSnapshot``: an accessible table, a static SVG
    image and, on request, the interactive plotly chart. Use ``{% chart block %}``
    from ``charts_tags`` so that all charts of a page share one query.
    """

    title = blocks.CharBlock(label=_("title"), max_length=200)
    chart_type = blocks.ChoiceBlock(
        choices=ChartType.CHOICES, default=ChartType.BAR, label=_("chart type")
    )
    source = blocks.StreamBlock(
        source_block_choices(), min_num=1, max_num=1, label=_("data source")
    )
    caption = blocks.TextBlock(
        required=False,
        label=_("caption"),
        help_text=_("One or two sentences: what the reader should notice."),
    )
    source_note = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("source note"),
        help_text=_("Where the data come from, shown under the chart."),
    )

    class Meta:
        icon = "table"
        label = _("Chart")
        template = "charts/blocks/chart_block.html"
        value_class = ChartValue


CHART_BLOCKS = [("chart", ChartBlock())]
