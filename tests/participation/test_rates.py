"""Participation rates against the hand-counted history of conftest.py.

Bénin: Banikoara and Kandi (Alibori), Cotonou (Littoral); Guinée: Boké, Kindia.
Cycle 1: answered Banikoara, Kandi, Boké (Cotonou only a draft); commented on a chart
Banikoara (twice) and Boké; posted in the discussion Banikoara and Kandi.
Follow-up of cycle 1: Banikoara and Kandi reported a check-in, Boké did not.
Cycle 2: only Banikoara answered. So Cotonou and Kindia are silent in both cycles.
"""

import datetime as dt

from django.urls import reverse

from charts.sources import chart_data
from districts.factories import HdmtMemberFactory
from participation.models import LastVisit
from participation.selectors import (
    district_participation,
    districts_at_risk,
    rates_across_cycles,
    rates_by,
)


def _as_dict(rows):
    return {
        row.label: [None if r is None else round(r, 1) for r in row.rates]
        for row in rows
    }


def test_four_rates_per_country_and_region_match_the_hand_count(history):
    first, _second, _districts = history
    rows = district_participation(first)
    assert _as_dict(rates_by(rows, "country")) == {
        "Bénin": [66.7, 33.3, 66.7, 66.7],
        "Guinée": [50.0, 50.0, 0.0, 0.0],
    }
    assert _as_dict(rates_by(rows, "region")) == {
        "Alibori": [100.0, 50.0, 100.0, 100.0],
        "Littoral": [0.0, 0.0, 0.0, 0.0],
        "Boké": [100.0, 100.0, 0.0, 0.0],
        "Kindia": [0.0, 0.0, 0.0, 0.0],
    }


def test_district_rows_count_comments_drafts_and_members(history):
    first, _second, districts = history
    rows = {row.district.code: row for row in district_participation(first)}
    assert rows["x-banikoara"].results_comments == 2
    assert rows["x-banikoara"].discussion_posts == 1
    assert rows["x-cotonou"].status == "draft"
    assert not rows["x-cotonou"].answered
    assert rows["x-kindia"].status == ""
    assert rows["x-kindia"].discussion_posts == 0  # removed by a facilitator
    assert rows["x-boke"].members == 1


def test_districts_silent_in_the_last_two_closed_cycles_are_at_risk(history):
    history_rows = rates_across_cycles()
    assert [h.cycle.slug for h in history_rows] == ["cycle-1", "cycle-2"]
    assert {d.code for d in districts_at_risk(history_rows)} == {
        "x-cotonou",
        "x-kindia",
    }


def test_nobody_is_at_risk_before_two_cycles_have_closed(history):
    first, second, _districts = history
    second.answers_close = dt.date.today() + dt.timedelta(days=3)
    second.save(clean=False)
    assert districts_at_risk(rates_across_cycles()) == []


def test_the_chart_block_source_charts_each_rate_over_the_cycles(history):
    data = chart_data("participation", {"rate": "answered"}, None)
    table = data.wide().round(1)
    assert list(table.index) == ["cycle-1", "cycle-2"]
    assert table.loc["cycle-1", "Bénin"] == 66.7
    assert table.loc["cycle-2", "Bénin"] == 33.3
    assert table.loc["cycle-2", "Guinée"] == 0.0
    assert data.unit == "%"


def test_a_signed_in_visit_is_recorded_once_per_quarter_hour(client, member, home_page):
    client.force_login(member)
    client.get(home_page.url)
    first = LastVisit.objects.get(user=member).seen_at
    client.get(home_page.url)
    assert LastVisit.objects.get(user=member).seen_at == first
    assert LastVisit.objects.count() == 1


def test_participants_see_counts_per_country_never_who_is_silent(client, history):
    first, second, districts = history
    client.force_login(
        HdmtMemberFactory(username="reader", district=districts["kandi"])
    )
    page = client.get(first.url).content.decode()
    assert "3 of 5" not in page
    assert "Bénin\u00a0: 2 districts sur 3 ont répondu" in page
    assert "Guinée\u00a0: 1 district sur 2 a répondu" in page
    assert "Kindia" not in page and "Cotonou" not in page


def test_the_dashboard_export_lists_every_district(client, facilitator, history):
    first, _second, _districts = history
    client.force_login(facilitator)
    response = client.get(
        reverse("participation_dashboard:export", args=["csv"]), {"cycle": first.pk}
    )
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 5
    banikoara = next(line for line in lines if "x-banikoara" in line)
    assert ",2,1," in banikoara  # two comments on the results, one discussion post
