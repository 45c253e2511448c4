"""A team's shared commitments: saving, concurrent edits with the survey's merge
rules, and who may write them (issue #17)."""

import pytest

from followup.models import Commitment, CommitmentSet, CommitmentSetRevision
from followup.services import save_commitments
from tests.followup.conftest import make_cycle, post

pytestmark = pytest.mark.django_db


def test_a_member_records_a_commitment_that_the_page_then_shows(client, cycle, member):
    client.force_login(member)
    answer = post(
        client,
        cycle,
        {
            "c1_what": "Supervision mensuelle des CSPS",
            "c1_lead": "Dr Sanou",
            "c1_by_when": "2031-06-30",
            "c1_visibility": "named",
        },
    )
    assert answer.status_code == 302
    assert answer["Location"].endswith("#followup")
    commitment = Commitment.objects.get()
    assert commitment.what == "Supervision mensuelle des CSPS"
    assert commitment.by_when.isoformat() == "2031-06-30"
    html = client.get(cycle.url).content.decode()
    assert "Supervision mensuelle des CSPS" in html
    assert 'name="version" value="1"' in html


def test_teammates_editing_different_fields_both_keep_their_text(
    cycle, member, teammate, district
):
    save_commitments(cycle, district, member, {"c1_what": "Réunions"}, 0)
    # Both start from version 1; the teammate saves first.
    save_commitments(
        cycle,
        district,
        teammate,
        {"c1_what": "Réunions", "c1_lead": "Awa"},
        1,
        shown=["c1_what", "c1_lead"],
    )
    result = save_commitments(
        cycle,
        district,
        member,
        {"c1_what": "Réunions", "c2_what": "Stocks"},
        1,
        shown=["c1_what", "c2_what"],
    )
    assert result.saved and result.merged
    stored = CommitmentSet.objects.get()
    assert stored.fields == {
        "c1_what": "Réunions",
        "c1_lead": "Awa",
        "c2_what": "Stocks",
    }
    assert stored.version == 3
    assert CommitmentSetRevision.objects.count() == 3
    assert Commitment.objects.count() == 2


def test_the_same_field_changed_by_two_teammates_is_a_409_keeping_both(
    client, cycle, member, teammate, district
):
    save_commitments(cycle, district, teammate, {"c1_what": "Version de départ"}, 0)
    save_commitments(cycle, district, teammate, {"c1_what": "Version d'Awa"}, 1)
    client.force_login(member)
    answer = post(client, cycle, {"c1_what": "Ma version à moi"}, version=1)
    assert answer.status_code == 409
    html = answer.content.decode()
    assert "Ma version à moi" in html  # the typed text, still in the form
    assert "Version d&#x27;Awa" in html  # the teammate's, beside it
    assert "a modifié les mêmes champs" in html
    assert CommitmentSet.objects.get().fields["c1_what"] == "Version d'Awa"


def test_a_replay_stores_nothing_new(cycle, member, district):
    save_commitments(cycle, district, member, {"c1_what": "Réunions"}, 0)
    result = save_commitments(cycle, district, member, {"c1_what": "Réunions"}, 1)
    assert result.replay
    assert CommitmentSetRevision.objects.count() == 1


def test_a_save_leaves_alone_the_fields_its_form_did_not_show(cycle, member, district):
    save_commitments(
        cycle, district, member, {"c1_what": "A", "c1_k1_status": "done"}, 0
    )
    save_commitments(cycle, district, member, {"c1_what": "B"}, 1, shown=["c1_what"])
    assert CommitmentSet.objects.get().fields == {
        "c1_what": "B",
        "c1_k1_status": "done",
    }


def test_bad_input_is_a_translated_error_and_nothing_is_lost(client, cycle, member):
    client.force_login(member)
    answer = post(client, cycle, {"c1_lead": "Dr Sanou", "c1_by_when": "pas une date"})
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "Dr Sanou" in html
    assert "Dites ce qui va changer" in html
    assert "Saisissez une date valide" in html
    assert not CommitmentSet.objects.exists()


def test_before_step_5_nobody_records_commitments(client, cycle_index, member):
    early = make_cycle(cycle_index, step=4, slug="tot")
    client.force_login(member)
    assert post(client, early, {"c1_what": "Trop tôt"}).status_code == 403
    assert 'id="followup"' not in client.get(early.url).content.decode()


@pytest.mark.parametrize(
    "who", ["anonymous", "other_member", "facilitator", "policymaker"]
)
def test_only_the_districts_own_team_writes_its_commitments(
    client, cycle, member, district, who, request
):
    save_commitments(cycle, district, member, {"c1_what": "Caché"}, 0)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    answer = post(client, cycle, {"c1_what": "Écrasé"}, version=1)
    assert answer.status_code in (302, 403)
    if who == "anonymous":
        assert "/login/" in answer["Location"]
    assert CommitmentSet.objects.get(district=district).fields == {"c1_what": "Caché"}
    # another district's member writes only its own district's set
    others = CommitmentSet.objects.exclude(district=district)
    assert [s.fields for s in others] == (
        [{"c1_what": "Écrasé"}] if who == "other_member" else []
    )


def test_the_save_needs_a_csrf_token(cycle, member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert post(client, cycle, {"c1_what": "Sans jeton"}).status_code == 403
    assert not CommitmentSet.objects.exists()


def test_an_unknown_cycle_is_a_404(client, member):
    client.force_login(member)
    assert client.post("/fr/followup/cycles/999999/commitments/").status_code == 404
    assert client.get("/fr/followup/cycles/999999/commitments/").status_code == 405


def test_after_a_conflict_saving_again_keeps_mine(
    client, cycle, member, teammate, district
):
    save_commitments(cycle, district, teammate, {"c1_what": "Départ"}, 0)
    save_commitments(cycle, district, teammate, {"c1_what": "Version d'Awa"}, 1)
    client.force_login(member)
    answer = post(client, cycle, {"c1_what": "La mienne"}, version=1)
    assert 'name="version" value="2"' in answer.content.decode()
    assert post(client, cycle, {"c1_what": "La mienne"}, version=2).status_code == 302
    assert CommitmentSet.objects.get().fields["c1_what"] == "La mienne"


@pytest.mark.parametrize(
    "fields",
    [
        {"version": "pas un nombre", "c1_what": "Texte"},
        {"c1_what": "x" * 2001},
        {"c1_what": "Texte", "c1_visibility": "tout le monde"},
        {"c1_what": "Texte", "c1_indicator": "1:inconnu"},
        {"c1_what": "Texte", "c1_lesson": "pas-une-lecon"},
        {"c1_what": "Texte\x00nul"},
    ],
)
def test_hostile_input_never_gives_a_server_error(client, cycle, member, fields):
    client.force_login(member)
    answer = client.post(f"/fr/followup/cycles/{cycle.pk}/commitments/", fields)
    assert answer.status_code in (302, 400)
    if answer.status_code == 400:
        assert "Veuillez corriger les erreurs" in answer.content.decode()


def test_the_forms_empty_fields_and_default_visibility_merge_with_a_teammates(
    client, cycle, member, teammate, district
):
    """The whole form comes back, empty fields and default visibility included: a
    teammate's lead and visibility, saved meanwhile, are merged, not a conflict."""
    save_commitments(cycle, district, member, {"c1_what": "Réunions"}, 0)
    save_commitments(
        cycle,
        district,
        teammate,
        {"c1_what": "Réunions", "c1_lead": "Awa", "c1_visibility": "hidden"},
        1,
    )
    client.force_login(member)
    answer = post(
        client,
        cycle,
        {
            "c1_what": "Réunions",
            "c1_lead": "",
            "c1_visibility": "named",  # the default shown
            "c2_what": "Stocks",
            "c2_visibility": "named",
        },
        version=1,
    )
    assert answer.status_code == 302
    stored = CommitmentSet.objects.get().fields
    assert stored["c1_lead"] == "Awa" and stored["c1_visibility"] == "hidden"
    assert stored["c2_what"] == "Stocks"
