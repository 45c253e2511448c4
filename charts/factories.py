"""Chart blocks for tests and the demo, written once.

``chart_block`` returns one chart as a StreamField stores it (the raw JSON a
page's ``results`` or ``body`` holds); ``chart_stream`` turns such blocks into the
stream value a page field takes. The ``*_source`` helpers build the one data
source a chart has.
"""

from wagtail import blocks
from wagtail.blocks import StreamValue

from charts.blocks import CHART_BLOCKS, ChartType

CHART_STREAM = blocks.StreamBlock(CHART_BLOCKS)


def survey_question_source(
    question: str, measure: str, source_id: str | None = None
) -> dict:
    source = {
        "type": "survey_question",
        "value": {"question": question, "measure": measure},
    }
    if source_id is not None:
        source["id"] = source_id
    return source


def dataset_source(dataset, columns: str = "") -> dict:
    return {"type": "dataset", "value": {"dataset": dataset.pk, "columns": columns}}


def dhis2_source(query) -> dict:
    return {"type": "dhis2_analytics", "value": {"query": query.pk}}


def chart_block(
    block_id: str,
    title: str,
    source: dict,
    *,
    chart_type: str = ChartType.BAR,
    caption: str = "",
    source_note: str = "",
) -> dict:
    """One ``chart`` block of a stream, as stored."""
    return {
        "type": "chart",
        "id": block_id,
        "value": {
            "title": title,
            "chart_type": chart_type,
            "source": [source],
            "caption": caption,
            "source_note": source_note,
        },
    }


def chart_stream(
    charts: list[dict], stream_block: blocks.StreamBlock = CHART_STREAM
) -> StreamValue:
    """The stream value of ``charts`` (from ``chart_block``) for ``stream_block``,
    e.g. ``CyclePage._meta.get_field("results").stream_block``."""
    return stream_block.to_python(charts)
