"""The chart block. Its data source is one of the kinds registered in
``charts.sources`` by the apps (see ``SourceStreamBlock``)."""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
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


class SourceStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose children are the registered source kinds, read on first
    use: the chart block is built while the models load (cycles' pages hold it),
    before the apps' ``ready`` registered their sources. It deconstructs as a plain
    StreamBlock with those children, so migrations record every kind."""

    def __init__(self, choices=source_block_choices, **kwargs):
        self._choices = choices
        self._children = None
        super().__init__(None, **kwargs)

    @property
    def child_blocks(self):
        if self._children is None:
            if not apps.ready:
                raise ImproperlyConfigured(
                    "The chart sources are read before every app registered its own."
                )
            children = self.base_blocks.copy()
            for name, block in self._choices():
                block.set_name(name)
                children[name] = block
            self._children = children
        return self._children

    @child_blocks.setter
    def child_blocks(self, declared):
        """StreamBlock's constructor sets the declared children (none here)."""


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
    source = SourceStreamBlock(min_num=1, max_num=1, label=_("data source"))
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
