"""The charts app's own source: a dataset uploaded in the admin (registered by
``ChartsConfig.ready``, as every app registers its sources)."""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from charts.data import ChartData
from charts.datasets import table_to_frame
from charts.sources import ChartContext, Source, SourceUnavailable, register_source


class DatasetSourceBlock(blocks.StructBlock):
    dataset = SnippetChooserBlock("charts.Dataset", label=_("dataset"))
    columns = blocks.CharBlock(
        required=False,
        label=_("columns"),
        help_text=_(
            "Column names to show, separated by commas. Leave empty for all columns."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Uploaded dataset")


def dataset_table(value, context: ChartContext) -> ChartData:
    dataset = value.get("dataset")
    if dataset is None:
        raise SourceUnavailable(gettext("The dataset of this chart was deleted."))
    frame = table_to_frame(dataset.table)
    if frame.empty:
        raise SourceUnavailable(gettext("The dataset has no rows."))
    category = frame.columns[0]
    wanted = [c.strip() for c in (value.get("columns") or "").split(",") if c.strip()]
    series = [c for c in frame.columns[1:] if not wanted or c in wanted]
    if not series:
        raise SourceUnavailable(
            gettext("None of the columns asked for is in the dataset.")
        )
    tidy = frame.melt(id_vars=[category], value_vars=series, var_name="series")
    tidy = tidy.rename(columns={category: "category"})
    return ChartData(
        frame=tidy[["category", "series", "value"]],
        category_label=str(category),
        value_label=series[0] if len(series) == 1 else "",
        metadata={
            "source": dataset.source_note or dataset.title,
            "n": str(len(frame)),
            "date": timezone.localtime(dataset.updated_at).date().isoformat(),
        },
    )


register_source(
    Source(
        kind="dataset",
        label=_("Uploaded dataset"),
        block=DatasetSourceBlock,
        table=dataset_table,
        order=20,
    )
)
