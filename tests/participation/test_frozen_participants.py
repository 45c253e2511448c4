"""A cycle's districts are frozen when its answers open (issue #16).

The hand-counted history of conftest.py: five districts (Bénin: Banikoara, Kandi,
Cotonou; Guinée: Boké, Kindia) answered two past cycles. A district the DHIS2 sync
creates afterwards must change none of those cycles' figures.
"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from cycles.models import CycleParticipants
from cycles.participants import districts_taking_part
from cycles.translation import ensure_translation
from districts.factories import DistrictFactory, HdmtMemberFactory
from participation.models import ReminderKind
from participation.reminders.selectors import Due, recipients
from participation.selectors import (
    district_participation,
    districts_at_risk,
    rates_across_cycles,
    rates_by,
)
from tests.cycles.conftest import make_cycle


def _benin_rates(cycle):
    rows = district_participation(cycle)
    return {
        row.label: round(row.rate("answered"), 1) for row in rates_by(rows, "country")
    }


def _dates_in_order(cycle):
    """conftest.py moved the answer dates weeks back: the earlier steps follow, so
    that the page validates on publication and translation."""
    cycle.issue_date = cycle.answers_open - dt.timedelta(days=20)
    cycle.questionnaire_date = cycle.answers_open - dt.timedelta(days=10)
    cycle.save(clean=False)
    return cycle


def _new_district_from_the_sync(benin):
    district = DistrictFactory(
        country=benin, region="Alibori", name="Gogounou", code="x-gogounou"
    )
    HdmtMemberFactory(username="m-gogounou", district=district)
    return district


def test_a_district_created_after_answers_opened_changes_no_past_cycle(
    client, facilitator, history, benin
):
    first, second, _districts = history
    _dates_in_order(
        first
    ).save_revision().publish()  # frozen on publication (answers are open)
    client.force_login(facilitator)
    client.get(reverse("participation_dashboard:index"))  # second: frozen on first read
    assert CycleParticipants.objects.count() == 2

    new = _new_district_from_the_sync(benin)

    assert _benin_rates(first) == {"Bénin": 66.7, "Guinée": 50.0}  # not 2 of 4
    assert new.pk not in {row.district.pk for row in district_participation(first)}
    history_rows = rates_across_cycles()
    assert {d.code for d in districts_at_risk(history_rows)} == {
        "x-cotonou",
        "x-kindia",
    }
    export = client.get(
        reverse("participation_dashboard:export", args=["csv"]), {"cycle": first.pk}
    ).content.decode("utf-8-sig")
    assert "Gogounou" not in export
    assert len(export.strip().splitlines()) == 1 + 5
    client.force_login(HdmtMemberFactory(username="reader", district=new))
    page = client.get(first.url).content.decode()
    assert "Bénin\u00a0: 2 districts sur 3 ont répondu" in page


def test_the_frozen_set_is_shared_by_the_cycles_translations(history, benin):
    first, _second, _districts = history
    english = ensure_translation(_dates_in_order(first), "en")
    assert districts_taking_part(english).count() == 5  # freezes on the source
    _new_district_from_the_sync(benin)
    assert districts_taking_part(first).count() == 5
    assert CycleParticipants.objects.get().cycle_id == first.pk


def test_before_its_answers_open_a_cycle_counts_every_district(cycle_index, teams):
    upcoming = make_cycle(cycle_index, step=2, slug="a-venir", title="À venir")
    assert len(district_participation(upcoming)) == 5
    districts, _members = teams
    DistrictFactory(country=districts["kandi"].country, name="Gogounou")
    assert len(district_participation(upcoming)) == 6
    assert not CycleParticipants.objects.exists()


def test_no_reminder_goes_to_a_district_that_does_not_take_part(
    cycle_index, teams, benin
):
    open_cycle = make_cycle(cycle_index, step=3, slug="ouvert", title="Ouvert")
    due = Due(open_cycle, ReminderKind.SURVEY_OPENS, timezone.localdate())
    assert len(recipients(due)) == 5  # first read: frozen with today's districts
    new = _new_district_from_the_sync(benin)
    assert new not in {r.district for r in recipients(due)}
    assert len(recipients(due)) == 5
