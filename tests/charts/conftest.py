import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from wagtail import blocks

from charts import factories
from charts.anonymise import DisplayMode, DisplayOptions
from charts.blocks import ChartBlock
from charts.services import save_snapshot
from charts.sources import ChartContext
from cycles.analysis import ResponseData, analyse
from cycles.chart_sources import QuestionMeasure, question_chart_data
from tests.charts.questions import QUESTIONS

REAL_NAMES = ["Banikoara", "Kandi", "Boké", "Kindia"]
STREAM = blocks.StreamBlock([("chart", ChartBlock())])


def chart_stream(*block_ids, chart_type="bar"):
    return factories.chart_stream(
        [
            factories.chart_block(
                block_id,
                f"Ruptures de stock {block_id}",
                factories.survey_question_source("stock_outs", "per_district"),
                chart_type=chart_type,
                caption="Par district",
                source_note="Enquête du cycle",
            )
            for block_id in block_ids
        ],
        STREAM,
    )


@pytest.fixture
def districts_responses(district, other_district):
    """Responses of real districts (Banikoara in Benin, Boké in Guinea) + two more."""
    from districts.factories import DistrictFactory

    kandi = DistrictFactory(country=district.country, name="Kandi", region="Alibori")
    kindia = DistrictFactory(
        country=other_district.country, name="Kindia", region="Kindia"
    )
    rows = [
        (district, {"stock_outs": 4, "main_cause": "transport"}),
        (kandi, {"stock_outs": 2, "main_cause": "budget"}),
        (other_district, {"stock_outs": 9, "main_cause": "transport"}),
        (kindia, {"stock_outs": 5}),
    ]
    return [
        ResponseData(d.pk, d.name, d.country.name, d.region, answers)
        for d, answers in rows
    ]


def store_charts(
    page,
    responses,
    mode,
    *block_ids,
    chart_type="bar",
    measure=QuestionMeasure.PER_DISTRICT,
):
    analysis = analyse(QUESTIONS, responses)
    options = DisplayOptions(
        mode, "cycle-seed", frozenset(r.district_id for r in responses)
    )
    context = ChartContext(page=page, cycle_title="Cycle stocks", display=options)
    stream = chart_stream(*block_ids, chart_type=chart_type)
    for child in stream:
        data = question_chart_data(
            analysis[
                "stock_outs" if measure != QuestionMeasure.CHOICES else "main_cause"
            ],
            measure,
            {"source": "Enquête"},
        )
        save_snapshot(page, child.id, child.value, data, context)
    return stream


def render_charts(page, stream, user=None, headers=None):
    request = RequestFactory().get("/fr/", headers=headers or {})
    request.user = user or AnonymousUser()
    template = Template(
        "{% load charts_tags %}{% for block in stream %}{% chart block %}{% endfor %}"
    )
    return template.render(
        Context({"page": page, "request": request, "stream": stream})
    )


__all__ = ["DisplayMode", "REAL_NAMES", "render_charts", "store_charts", "chart_stream"]
