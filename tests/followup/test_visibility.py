"""Who sees a commitment, per role × the team's choice (named, pseudonym, hidden),
in the page's HTML, the download and the lesson page (issue #17). Charts: see
test_indicator_chart.py."""

import csv
import io
import re

import pytest

from charts.anonymise import DisplayMode, pseudonyms
from cycles.factories import SurveyResponseFactory
from followup.models import Visibility
from followup.services import save_commitments
from tests.followup.conftest import make_cycle

pytestmark = pytest.mark.django_db

TEXTS = {
    "named": "Engagement nommé",
    "pseudonym": "Engagement pseudo",
    "hidden": "Engagement caché",
}


@pytest.fixture
def public_cycle(cycle_index):
    cycle = make_cycle(cycle_index, slug="visible")
    cycle.results_public = True
    cycle.save_revision().publish()
    return cycle


@pytest.fixture
def committed(public_cycle, district, other_district, member, lesson):
    for answering in (district, other_district):
        SurveyResponseFactory(
            cycle=public_cycle, district=answering, status="submitted", answers={}
        )
    fields = {}
    for slot, choice in enumerate(TEXTS, start=1):
        fields[f"c{slot}_what"] = TEXTS[choice]
        fields[f"c{slot}_visibility"] = choice
        fields[f"c{slot}_lesson"] = str(lesson.translation_key)
    save_commitments(public_cycle, district, member, fields, 0)
    return public_cycle


def _pseudonym(cycle, district, other_district):
    return pseudonyms(cycle.pseudonym_seed, [district.pk, other_district.pk])[
        district.pk
    ]


def _rows(html):
    """(district label, text) of every commitment shown."""
    items = re.findall(r'<li class="followup-item">(.*?)</li>', html, re.S)
    return {
        re.search(r"<p>([^<]*)</p>", item).group(1): re.search(
            r"<strong>([^<]*)</strong>", item
        ).group(1)
        for item in items
    }


def _expected(viewer, name, pseudonym):
    if viewer in ("facilitator", "member"):
        return {TEXTS["named"]: name, TEXTS["pseudonym"]: name, TEXTS["hidden"]: name}
    return {TEXTS["named"]: name, TEXTS["pseudonym"]: pseudonym}


VIEWERS = ["anonymous", "policymaker", "other_member", "member", "facilitator"]


def _login(client, viewer, request):
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_cycle_page_shows_each_commitment_as_its_team_chose(
    client, committed, district, other_district, viewer, request
):
    _login(client, viewer, request)
    html = client.get(committed.url).content.decode()
    pseudonym = _pseudonym(committed, district, other_district)
    assert _rows(html) == _expected(viewer, "Banikoara", pseudonym)
    if viewer not in ("facilitator", "member"):
        assert "Engagement caché" not in html
        assert "3 engagements pris" in html  # counted, never shown


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_download_follows_the_same_choice(
    client, committed, district, other_district, viewer, request
):
    _login(client, viewer, request)
    answer = client.get(f"/fr/followup/cycles/{committed.pk}/what-changed/")
    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    shown = {row[1]: row[0] for row in rows[1:]}
    pseudonym = _pseudonym(committed, district, other_district)
    assert shown == _expected(viewer, "Banikoara", pseudonym)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_lesson_page_counts_every_adoption_and_shows_the_visible_ones(
    client, committed, lesson, district, other_district, viewer, request
):
    _login(client, viewer, request)
    html = client.get(lesson.url).content.decode()
    assert "Adoptée par 1 district" in html
    pseudonym = _pseudonym(committed, district, other_district)
    assert _rows(html) == _expected(viewer, "Banikoara", pseudonym)


def test_results_for_participants_only_keep_the_download_from_the_public(
    client, cycle, district, member
):
    save_commitments(
        cycle, district, member, {"c1_what": "Nommé", "c1_visibility": "named"}, 0
    )
    answer = client.get(f"/fr/followup/cycles/{cycle.pk}/what-changed/")
    assert answer.status_code == 404
    assert "Nommé" not in client.get(cycle.url).content.decode()


@pytest.mark.parametrize(
    "mode, default",
    [
        (DisplayMode.NAMES, Visibility.NAMED),
        (DisplayMode.PSEUDONYMS, Visibility.PSEUDONYM),
        (DisplayMode.COUNTRIES, Visibility.HIDDEN),
    ],
)
def test_the_default_follows_the_cycles_display_of_districts(
    client, cycle_index, district, member, mode, default
):
    cycle = make_cycle(cycle_index, slug=f"mode-{mode}", mode=mode)
    client.force_login(member)
    html = client.get(cycle.url).content.decode()
    assert f'<option value="{default}" selected>' in html
    save_commitments(cycle, district, member, {"c1_what": "Sans choix"}, 0)
    from followup.models import Commitment

    assert Commitment.objects.get(cycle=cycle).visibility == default
