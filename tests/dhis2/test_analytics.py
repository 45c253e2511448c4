"""Analytics snapshots: refresh, fallback on failure, the table the charts read."""

from io import StringIO

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from dhis2.client import Dhis2Client
from dhis2.models import AnalyticsQuery, AnalyticsSnapshot
from dhis2.selectors import snapshot_table
from dhis2.services import refresh_snapshot
from tests.dhis2.conftest import fast_connection


@pytest.fixture
def coverage_query(db):
    return AnalyticsQuery.objects.create(
        name="Couverture vaccinale",
        data_items="FbKK4ofIv5R; eTDtyyaSA7f",
        periods="2016Q1;2016Q2",
        org_units="ImspTQPwCqd",
    )


@pytest.fixture
def coverage_server(dhis2_server):
    dhis2_server.names = {
        "FbKK4ofIv5R": "Measles Coverage <1 y",
        "eTDtyyaSA7f": "Fully Immunized Coverage",
        "ImspTQPwCqd": "Sierra Leone",
        "2016Q1": "January - March 2016",
        "2016Q2": "April - June 2016",
    }
    dhis2_server.analytics = {
        ("eTDtyyaSA7f", "2016Q2", "ImspTQPwCqd"): "81.1",
        ("eTDtyyaSA7f", "2016Q1", "ImspTQPwCqd"): "74.7",
        ("FbKK4ofIv5R", "2016Q2", "ImspTQPwCqd"): "88.5",
        ("FbKK4ofIv5R", "2016Q1", "ImspTQPwCqd"): "83.3",
    }
    return dhis2_server


def test_refresh_stores_a_tidy_snapshot(coverage_server, coverage_query):
    client = Dhis2Client(fast_connection(coverage_server.url))
    snapshot = refresh_snapshot(coverage_query, client)
    assert snapshot.fetched_at is not None
    assert snapshot.last_error == ""
    query = coverage_server.requests_to("analytics")[0]["query"]
    assert query["dimension"] == [
        "dx:FbKK4ofIv5R;eTDtyyaSA7f",
        "pe:2016Q1;2016Q2",
        "ou:ImspTQPwCqd",
    ]
    table = snapshot_table(snapshot.pk)
    assert len(table) == 4
    assert {
        "dx": "eTDtyyaSA7f",
        "dx_name": "Fully Immunized Coverage",
        "pe": "2016Q2",
        "pe_name": "April - June 2016",
        "ou": "ImspTQPwCqd",
        "ou_name": "Sierra Leone",
        "value": 81.1,
    } in table
    frame = pd.DataFrame(table)
    assert frame.groupby("dx_name")["value"].mean()["Measles Coverage <1 y"] == 85.9


@pytest.mark.parametrize(
    ("failure", "words"),
    [(401, "401"), (500, "500"), ("truncated", "incomplète"), ("hang", "à temps")],
)
def test_failure_keeps_the_last_good_snapshot_and_says_why(
    coverage_server, coverage_query, failure, words
):
    client = Dhis2Client(fast_connection(coverage_server.url))
    good = refresh_snapshot(coverage_query, client)
    good_at = good.fetched_at
    coverage_server.failures["analytics"] = failure
    again = refresh_snapshot(coverage_query, client)
    stored = AnalyticsSnapshot.objects.get(pk=good.pk)
    assert stored.fetched_at == good_at
    assert len(stored.data) == 4
    assert words in stored.last_error
    assert stored.last_error_at is not None
    assert again.last_error == stored.last_error


def test_unknown_snapshot_is_an_empty_table(db):
    assert snapshot_table(999) == []


def test_command_refreshes_all_and_reports_failures(
    coverage_server, coverage_query, dhis2_settings
):
    out = StringIO()
    call_command("dhis2_sync", "analytics", stdout=out)
    assert "Couverture vaccinale: 4 rows" in out.getvalue()
    coverage_server.failures["analytics"] = 500
    out = StringIO()
    with pytest.raises(CommandError, match="1 snapshot"):
        call_command("dhis2_sync", "analytics", stdout=out)
    assert "500" in out.getvalue()
    assert len(AnalyticsSnapshot.objects.get().data) == 4
