"""Survey results → DHIS2 data value sets: the payload builder and the import."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dhis2.client import Dhis2Client
from dhis2.payloads import ExportPlan, ValueRule, build_data_value_set
from dhis2.services import post_data_value_set
from tests.dhis2.conftest import fast_connection
from tests.dhis2.fake_dhis2 import org_unit

PLAN = ExportPlan(
    rules=(
        ValueRule("stock_outs", "DEstockout1"),
        ValueRule("supervision:monthly", "DEsupervis1", "COCmonthly1"),
        ValueRule("supervision:quarterly", "DEsupervis1", "COCquarter1"),
        ValueRule("has_plan", "DEhasplan01"),
    ),
    data_set="DSquarterly",
)
ROWS = [
    {
        "org_unit": "OUbanikoar1",
        "answers": {
            "stock_outs": 3,
            "supervision": ["monthly", "adhoc"],
            "has_plan": "yes",
            "comment": "RAS",
        },
    },
    {
        "org_unit": "OUkandi0001",
        "answers": {"stock_outs": 2.5, "supervision": "quarterly", "has_plan": ""},
    },
    {"org_unit": "", "answers": {"stock_outs": 9}},  # district without a DHIS2 id
]


def test_builder_maps_numbers_choices_and_yes_no():
    payload = build_data_value_set(ROWS, PLAN, "2025Q3")
    assert payload["dataSet"] == "DSquarterly"
    values = {
        (v["dataElement"], v.get("categoryOptionCombo", ""), v["orgUnit"]): v["value"]
        for v in payload["dataValues"]
    }
    assert values == {
        ("DEstockout1", "", "OUbanikoar1"): "3",
        ("DEsupervis1", "COCmonthly1", "OUbanikoar1"): "1",
        ("DEsupervis1", "COCquarter1", "OUbanikoar1"): "0",
        ("DEhasplan01", "", "OUbanikoar1"): "1",
        ("DEstockout1", "", "OUkandi0001"): "2.5",
        ("DEsupervis1", "COCmonthly1", "OUkandi0001"): "0",
        ("DEsupervis1", "COCquarter1", "OUkandi0001"): "1",
    }
    assert {v["period"] for v in payload["dataValues"]} == {"2025Q3"}


def test_builder_ignores_text_and_unanswered_questions():
    plan = ExportPlan(rules=(ValueRule("comment", "DEcomment01"),))
    assert build_data_value_set(ROWS, plan, "2025Q3") == {"dataValues": []}


def test_dry_run_then_import(known_server):
    client = Dhis2Client(fast_connection(known_server.url))
    payload = build_data_value_set(ROWS, PLAN, "2025Q3")

    dry = post_data_value_set(client, payload, dry_run=True)
    assert (dry.status, dry.imported, dry.updated, dry.ignored) == ("SUCCESS", 7, 0, 0)
    assert dry.ok
    assert known_server.stored_values == {}  # a dry run stores nothing
    assert known_server.requests_to("dataValueSets")[0]["query"]["dryRun"] == ["true"]

    real = post_data_value_set(client, payload, dry_run=False)
    assert (real.imported, real.updated) == (7, 0)
    assert len(known_server.stored_values) == 7

    again = post_data_value_set(client, payload, dry_run=False)
    assert (again.imported, again.updated) == (0, 7)


@pytest.mark.parametrize("legacy", [False, True])
def test_conflicts_are_reported_with_their_messages(known_server, legacy):
    known_server.legacy_import_summary = legacy
    known_server.data_elements.discard("DEhasplan01")
    client = Dhis2Client(fast_connection(known_server.url))
    summary = post_data_value_set(
        client, build_data_value_set(ROWS, PLAN, "2025Q3"), dry_run=True
    )
    assert summary.status == "WARNING"
    assert (summary.imported, summary.ignored) == (6, 1)
    assert summary.conflicts == [
        "DEhasplan01: Data element not found or not accessible"
    ]
    assert not summary.ok


def test_export_command_dry_run_then_import_of_submitted_answers(
    known_server, dhis2_settings, cycle_with_answers
):
    known_server.org_units.append(org_unit("OUmalanvil1", "Malanville", 3))
    out = StringIO()
    call_command("dhis2_sync", "export", "ruptures-vaccins", "--dry-run", stdout=out)
    report = out.getvalue()
    assert "skipped (no DHIS2 org unit): Boké" in report
    assert "3 responses, 4 data values" in report
    assert "dry run: SUCCESS — imported: 4, updated: 0, ignored: 0" in report
    assert known_server.stored_values == {}
    sent = known_server.requests_to("dataValueSets")[0]
    assert sent["query"]["dryRun"] == ["true"]
    assert {v["orgUnit"] for v in sent["json"]["dataValues"]} == {
        "OUbanikoar1",
        "OUkandi0001",
    }  # the draft (Malanville) is never exported

    out = StringIO()
    # From the English translation: the same cycle, the same answers.
    call_command("dhis2_sync", "export", "vaccine-stock-outs", stdout=out)
    assert "import: SUCCESS — imported: 4" in out.getvalue()
    assert known_server.stored_values == {
        ("DEstockout1", "", "2025Q3", "OUbanikoar1"): "3",
        ("DEstockout1", "", "2025Q3", "OUkandi0001"): "1",
        ("DEsupervis1", "COCmonthly1", "2025Q3", "OUbanikoar1"): "1",
        ("DEsupervis1", "COCmonthly1", "2025Q3", "OUkandi0001"): "0",
    }


def test_export_of_a_cycle_without_mapping_says_so(dhis2_settings, home_page):
    from cycles.factories import CycleIndexPageFactory, CyclePageFactory

    index = CycleIndexPageFactory(parent=home_page)
    CyclePageFactory(parent=index, slug="sans-correspondance", title="Sans lien")
    with pytest.raises(CommandError, match="Sans lien"):
        call_command("dhis2_sync", "export", "sans-correspondance", "--dry-run")
