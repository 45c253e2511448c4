"""A chart block can show a DHIS2 analytics query: from its stored snapshot, which
survives a DHIS2 outage."""

import re

import pytest
from wagtail import blocks

from charts.blocks import ChartBlock
from charts.factories import chart_block, chart_stream, dhis2_source
from charts.services import refresh_snapshot as refresh_chart
from charts.sources import ChartContext
from dhis2.client import Dhis2Client
from dhis2.models import AnalyticsQuery
from dhis2.services import refresh_snapshot
from tests.charts.conftest import render_charts
from tests.dhis2.conftest import fast_connection

STREAM = blocks.StreamBlock([("chart", ChartBlock())])


@pytest.fixture
def query(db):
    return AnalyticsQuery.objects.create(
        name="Couverture rougeole",
        data_items="FbKK4ofIv5R",
        periods="2016Q1",
        org_units="OUbanikoar1;OUkandi0001",
    )


@pytest.fixture
def server(dhis2_server):
    dhis2_server.names = {
        "FbKK4ofIv5R": "Measles Coverage <1 y",
        "OUbanikoar1": "Banikoara",
        "OUkandi0001": "Kandi",
        "2016Q1": "January - March 2016",
    }
    dhis2_server.analytics = {
        ("FbKK4ofIv5R", "2016Q1", "OUbanikoar1"): "83.3",
        ("FbKK4ofIv5R", "2016Q1", "OUkandi0001"): "71.5",
    }
    return dhis2_server


def dhis2_chart(query):
    return chart_stream(
        [
            chart_block(
                "d1",
                "Couverture rougeole par district",
                dhis2_source(query),
                source_note="DHIS2",
            )
        ],
        STREAM,
    )


def show(page, stream):
    child = stream[0]
    refresh_chart(page, child.id, child.value, ChartContext(page=page, language="fr"))
    return render_charts(page, stream)


def test_refreshed_snapshot_renders_as_a_chart_table(home_page, server, query):
    stream = dhis2_chart(query)
    html = show(home_page, stream)
    assert "<table>" not in html  # nothing fetched yet: the reason, not a table
    assert "Aucune donnée" in html

    refresh_snapshot(query, Dhis2Client(fast_connection(server.url)))
    html = show(home_page, stream)
    assert "<caption>Couverture rougeole par district" in html
    assert re.search(r'<th scope="row">Banikoara</th><td>83[.,]3</td>', html)
    assert re.search(r'<th scope="row">Kandi</th><td>71[.,]5</td>', html)


def test_dhis2_outage_keeps_the_last_snapshot_on_the_page(home_page, server, query):
    client = Dhis2Client(fast_connection(server.url))
    refresh_snapshot(query, client)
    server.failures["analytics"] = 500
    snapshot = refresh_snapshot(query, client)
    assert snapshot.last_error  # the facilitator sees why
    html = show(home_page, dhis2_chart(query))
    assert re.search(r'<th scope="row">Banikoara</th><td>83[.,]3</td>', html)
