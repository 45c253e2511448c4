"""The before/after chart of a commitment's DHIS2 indicator, against a snapshot
computed by hand (issue #17); the picker offers only the district's own data."""

import datetime as dt

import pytest

from charts.anonymise import pseudonyms
from charts.factories import chart_block, chart_stream
from charts.services import refresh_page_charts
from charts.sources import ChartContext, SourceUnavailable, chart_data
from cycles.factories import SurveyResponseFactory
from cycles.models import CyclePage
from dhis2.models import AnalyticsQuery, AnalyticsSnapshot
from followup.chart_sources import period_start
from followup.models import Commitment
from followup.selectors import indicator_options
from followup.services import save_commitments

pytestmark = pytest.mark.django_db

OU, OTHER_OU, DX = "BnkOrgUnit1", "BokOrgUnit1", "AncVisits01"


def row(pe, value, ou=OU, dx=DX):
    return {
        "dx": dx,
        "dx_name": "CPN 4" if dx == DX else "Autre",
        "pe": pe,
        "pe_name": f"Mois {pe}",
        "ou": ou,
        "ou_name": ou,
        "value": value,
    }


@pytest.fixture
def snapshot(district, other_district):
    district.dhis2_uid = OU
    district.save()
    other_district.dhis2_uid = OTHER_OU
    other_district.save()
    query = AnalyticsQuery.objects.create(
        name="CPN", data_items=DX, periods="LAST_12_MONTHS", org_units=OU
    )
    AnalyticsSnapshot.objects.create(
        query=query,
        fetched_at=dt.datetime(2031, 8, 1, tzinfo=dt.UTC),
        data=[
            row("203106", 70),
            row("203103", 40),
            row("203105", 65),
            row("203104", 50),
            row("2031Q2", 999),
            row("2031W3", 1),
            row("203104", 5, ou=OTHER_OU),
            row("203104", 7, dx="OtherData01"),
            row("203102", None),
        ],
    )
    return query


def _commit(cycle, district, member, query, visibility="named"):
    save_commitments(
        cycle,
        district,
        member,
        {
            "c1_what": "Plus de CPN 4",
            "c1_indicator": f"{query.pk}:{DX}",
            "c1_visibility": visibility,
        },
        0,
    )
    Commitment.objects.update(committed_on=dt.date(2031, 4, 15))


def test_the_picker_offers_the_data_stored_for_the_districts_own_unit(
    snapshot, district, other_district
):
    assert indicator_options(district) == [
        (f"{snapshot.pk}:OtherData01", "Autre"),
        (f"{snapshot.pk}:{DX}", "CPN 4"),
    ]
    assert [key for key, _n in indicator_options(other_district)] == [
        f"{snapshot.pk}:{DX}"
    ]


def test_periods_start_where_dhis2_says():
    assert period_start("203104") == dt.date(2031, 4, 1)
    assert period_start("2031Q3") == dt.date(2031, 7, 1)
    assert period_start("2031") == dt.date(2031, 1, 1)
    assert period_start("2031W3") is None


def test_the_chart_matches_the_hand_computed_before_and_after(
    cycle, district, member, snapshot
):
    _commit(cycle, district, member, snapshot)
    data = chart_data(
        "commitment_indicator",
        {"district": district.code, "commitment": 1},
        ChartContext(page=cycle),
    )
    # Committed 15 April 2031: March and April started before it; a quarter
    # (2031Q2 starts 1 April) counts like a month, after the month of the same day; weeks are left out; other
    # units, other data and empty values too.
    assert data.frame.to_dict("records") == [
        {"category": "Mois 203103", "series": "Avant", "value": 40.0},
        {"category": "Mois 203104", "series": "Avant", "value": 50.0},
        {"category": "Mois 2031Q2", "series": "Avant", "value": 999.0},
        {"category": "Mois 203105", "series": "Après", "value": 65.0},
        {"category": "Mois 203106", "series": "Après", "value": 70.0},
    ]
    assert data.value_label == "CPN 4"
    assert data.metadata["district"] == "Banikoara"


def test_the_chart_keeps_the_teams_choice_for_every_reader(
    cycle, district, other_district, member, snapshot
):
    SurveyResponseFactory(cycle=cycle, district=district, status="submitted")
    SurveyResponseFactory(cycle=cycle, district=other_district, status="submitted")
    value = {"district": district.code, "commitment": 1}
    _commit(cycle, district, member, snapshot, visibility="pseudonym")
    data = chart_data("commitment_indicator", value, ChartContext(page=cycle))
    letters = pseudonyms(cycle.pseudonym_seed, [district.pk, other_district.pk])
    assert data.metadata["district"] == letters[district.pk]
    assert "Banikoara" not in str(data.metadata)
    Commitment.objects.update(visibility="hidden")
    with pytest.raises(SourceUnavailable):
        chart_data("commitment_indicator", value, ChartContext(page=cycle))


def test_the_chart_block_shows_it_on_the_cycle_page(
    client, cycle, district, member, snapshot, monkeypatch
):
    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    _commit(cycle, district, member, snapshot)
    source = {
        "type": "commitment_indicator",
        "value": {"district": district.code, "commitment": 1},
    }
    cycle.results = chart_stream(
        [chart_block("c9", "CPN 4 à Banikoara", source)],
        CyclePage._meta.get_field("results").stream_block,
    )
    cycle.save(clean=False)
    refresh_page_charts(cycle)
    client.force_login(member)
    html = client.get(cycle.url).content.decode()
    assert "CPN 4 à Banikoara" in html
    assert "Mois 203105" in html and "Après" in html
    # and the what-changed section sums it up: (40 + 50 + 999) / 3, (65 + 70) / 2
    assert (
        "Avant\u00a0: 363,0 · après\u00a0: 67,5 (DHIS2, moyenne de 3 et 2 périodes)"
        in html
    )
