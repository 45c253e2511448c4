"""What changed: counts by status on the cycle page, the previous cycle's follow-up
on the next cycle's page, one line per district (issue #17)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charts.anonymise import DisplayMode
from cycles.factories import dates_for_step
from districts.factories import DistrictFactory
from followup.models import CommitmentSet
from followup.services import lay_out
from tests.followup.conftest import make_cycle

pytestmark = pytest.mark.django_db


def _commit(cycle, district, fields):
    lay_out(CommitmentSet.objects.create(cycle=cycle, district=district, fields=fields))


@pytest.fixture
def two_cycles(cycle_index, district, other_district):
    today = dt.date.today()
    before = dates_for_step(6, today - dt.timedelta(days=200))
    previous = make_cycle(cycle_index, step=6, slug="avant", **before)
    _commit(
        previous,
        district,
        {
            "c1_what": "A",
            "c1_visibility": "named",
            "c1_k1_status": "done",
            "c2_what": "B",
            "c2_visibility": "named",
            "c2_k1_status": "in_progress",
        },
    )
    _commit(previous, other_district, {"c1_what": "C", "c1_visibility": "hidden"})
    current = make_cycle(cycle_index, step=5, slug="maintenant")
    return previous, current


def test_the_next_cycle_shows_the_previous_follow_up_per_district(
    client, two_cycles, policymaker, facilitator
):
    _previous, current = two_cycles
    client.force_login(policymaker)
    html = client.get(current.url).content.decode()
    assert "Suivi du cycle précédent, «\u00a0Cycle avant\u00a0»" in html
    assert "Banikoara\u00a0: 2 engagements (En cours 1, Réalisé 1)" in html
    assert "Boké" not in html  # its only commitment is hidden
    client.force_login(facilitator)
    html = client.get(current.url).content.decode()
    assert "Boké\u00a0: 1 engagement (Pas commencé 1)" in html


def test_the_cycle_page_counts_commitments_by_status(client, two_cycles, facilitator):
    previous, _current = two_cycles
    client.force_login(facilitator)
    html = client.get(previous.url).content.decode()
    assert "3 engagements pris par les équipes de district." in html
    for count, label in ((1, "Pas commencé"), (1, "En cours"), (1, "Réalisé")):
        assert f"<li><strong>{count}</strong> {label}</li>" in html
    assert "<li><strong>0</strong> Abandonné</li>" in html


def test_the_section_costs_the_same_with_2_or_13_districts_committed(
    client, cycle_index, member, district, benin
):
    cycle = make_cycle(cycle_index, slug="cout", mode=DisplayMode.PSEUDONYMS)
    _commit(cycle, district, {"c1_what": "Un", "c1_visibility": "pseudonym"})
    first = DistrictFactory(country=benin, name="Premier")
    _commit(cycle, first, {"c1_what": "Deux", "c1_visibility": "pseudonym"})
    client.force_login(member)
    client.get(cycle.url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(cycle.url)
        return len(queries)

    few = count()
    for number in range(11):
        other = DistrictFactory(country=benin, name=f"Autre {number}")
        _commit(
            cycle,
            other,
            {
                "c1_what": "X",
                "c1_visibility": "pseudonym",
                "c2_what": "Y",
                "c2_k1_status": "done",
                "c1_lesson": "",
            },
        )
    client.get(cycle.url)  # the new districts renewed the site's cache (chrome.py)
    assert count() == few
