"""The commitments' autosave (issue #17): the form's fields sent as JSON while a member
types, saved with the form's version and merge rules; bad input is a translated
error, never a 500; only the district's own team writes, with a CSRF token."""

import json

import pytest
from django.test import Client

from followup.models import Commitment, CommitmentSet
from followup.services import save_commitments
from tests.followup.conftest import make_cycle

pytestmark = pytest.mark.django_db


def draft(client, cycle, fields, version=0, shown=None, raw=None):
    body = {"fields": fields, "version": version}
    if shown is not None:
        body["shown"] = shown
    return client.post(
        f"/fr/followup/cycles/{cycle.pk}/commitments/draft/",
        raw if raw is not None else json.dumps(body),
        content_type="application/json",
    )


def test_typed_text_is_saved_as_the_teams_set_and_the_page_shows_it(
    client, cycle, member
):
    client.force_login(member)
    answer = draft(client, cycle, {"c1_what": "Supervision", "c1_lead": "Dr Sanou"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["version"] == 1
    assert body["fields"] == {"c1_what": "Supervision", "c1_lead": "Dr Sanou"}
    assert body["message"].startswith("Enregistré à ")
    assert Commitment.objects.get().lead == "Dr Sanou"
    page = client.get(cycle.url).content.decode()
    assert 'data-draft-url="/fr/followup/cycles/' in page
    assert 'role="status" aria-live="polite" id="followup-status"' in page


def test_the_device_copy_is_keyed_per_member_cycle_and_district(
    client, cycle, member, teammate, district
):
    from portal.offline import member_id

    keys = []
    for who in (member, teammate):
        client.force_login(who)
        page = client.get(cycle.url).content.decode()
        key = f"followup:{member_id(who)}:{cycle.pk}:{district.code}"
        assert f'data-storage-key="{key}"' in page
        keys.append(key)
    assert keys[0] != keys[1]


def test_a_page_that_never_showed_a_what_merges_a_teammates(
    client, cycle, member, teammate, district
):
    """The teammate's page, empty when opened, gets a lead typed: the "what" saved
    meanwhile by the member is neither refused nor emptied."""
    save_commitments(cycle, district, member, {"c1_what": "Réunions"}, 0)
    client.force_login(teammate)
    answer = draft(client, cycle, {"c1_what": "", "c1_lead": "Awa"}, 0)
    assert answer.status_code == 200
    body = answer.json()
    assert body["merged"] is True and body["errors"] == {}
    assert body["fields"] == {"c1_what": "Réunions", "c1_lead": "Awa"}
    assert Commitment.objects.get().lead == "Awa"


def test_a_teammates_change_to_another_field_is_merged(
    client, cycle, member, teammate, district
):
    save_commitments(cycle, district, teammate, {"c1_what": "Réunions"}, 0)
    save_commitments(
        cycle, district, teammate, {"c1_what": "Réunions", "c1_lead": "Awa"}, 1
    )
    client.force_login(member)
    answer = draft(client, cycle, {"c1_what": "Réunions", "c2_what": "Stocks"}, 1)
    assert answer.status_code == 200
    assert answer.json()["merged"] is True
    assert CommitmentSet.objects.get().fields == {
        "c1_what": "Réunions",
        "c1_lead": "Awa",
        "c2_what": "Stocks",
    }


def test_the_same_field_changed_by_a_teammate_is_a_409_keeping_theirs(
    client, cycle, member, teammate, district
):
    save_commitments(cycle, district, teammate, {"c1_what": "Départ"}, 0)
    save_commitments(cycle, district, teammate, {"c1_what": "Version d'Awa"}, 1)
    client.force_login(member)
    answer = draft(client, cycle, {"c1_what": "La mienne"}, 1)
    assert answer.status_code == 409
    body = answer.json()
    assert body["conflicts"] == ["c1_what"]
    assert body["theirs"] == {"c1_what": "Version d'Awa"}
    assert body["version"] == 2
    assert "Engagement 1 — Ce qui va changer" in body["message"]
    assert "gardé sur cette page" in body["message"]
    assert CommitmentSet.objects.get().fields["c1_what"] == "Version d'Awa"


def test_a_refused_value_keeps_the_stored_one_and_says_which(
    client, cycle, member, district
):
    save_commitments(
        cycle, district, member, {"c1_what": "Texte", "c1_by_when": "2031-06-30"}, 0
    )
    client.force_login(member)
    answer = draft(
        client, cycle, {"c1_what": "Texte revu", "c1_by_when": "pas une date"}, 1
    )
    assert answer.status_code == 200
    body = answer.json()
    assert "Saisissez une date valide" in body["errors"]["c1_by_when"][0]
    assert "Engagement 1 — Pour quand" in body["message"]
    stored = CommitmentSet.objects.get().fields
    assert stored == {"c1_what": "Texte revu", "c1_by_when": "2031-06-30"}


def test_a_draft_without_what_keeps_the_other_fields_text(client, cycle, member):
    client.force_login(member)
    answer = draft(client, cycle, {"c1_what": "", "c1_lead": "Dr Sanou"})
    assert answer.status_code == 200
    assert answer.json()["errors"] == {}
    assert CommitmentSet.objects.get().fields == {"c1_lead": "Dr Sanou"}
    assert not Commitment.objects.exists()  # no commitment without its "what"


def test_a_what_being_retyped_never_drops_the_commitment(
    client, cycle, member, district
):
    """Select all, retype: the autosave between the two keeps the stored "what" (the
    commitment's row, its date and check-ins are not deleted and made again)."""
    fields = {"c1_what": "Revue mensuelle", "c1_lead": "Awa"}
    save_commitments(cycle, district, member, fields, 0)
    commitment = Commitment.objects.get()
    client.force_login(member)
    answer = draft(client, cycle, {**fields, "c1_what": ""}, 1)
    assert answer.status_code == 200
    assert "Engagement 1 — Ce qui va changer" in answer.json()["message"]
    kept = Commitment.objects.get()
    assert kept.pk == commitment.pk and kept.what == "Revue mensuelle"


def test_fields_the_page_did_not_show_are_left_alone(client, cycle, member, district):
    save_commitments(cycle, district, member, {"c1_what": "A", "c2_what": "B"}, 0)
    client.force_login(member)
    draft(client, cycle, {"c1_what": "A2"}, 1, shown=["c1_what"])
    assert CommitmentSet.objects.get().fields == {"c1_what": "A2", "c2_what": "B"}


@pytest.mark.parametrize(
    "raw",
    [
        "pas du json",
        "[1, 2]",
        '{"fields": "texte"}',
        '{"fields": {"c1_what": ["liste"]}}',
        '{"fields": {"c1_what": {"a": 1}}}',
        '{"fields": {"c1_what": true}}',
        '{"fields": {"c1_what": "x"}, "shown": "c1_what"}',
        '{"fields": {"c1_what": "x"}, "shown": [1]}',
    ],
)
def test_a_body_that_is_not_a_draft_is_a_translated_400(client, cycle, member, raw):
    client.force_login(member)
    answer = draft(client, cycle, {}, raw=raw)
    assert answer.status_code == 400
    assert answer.json()["message"] == "Le brouillon n’a pas pu être lu."
    assert not CommitmentSet.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"c1_what": "x" * 2001},
        {"c1_what": "Texte", "c1_visibility": "tout le monde"},
        {"c1_what": "Texte", "c1_indicator": "1:inconnu"},
        {"c1_what": "Texte", "c1_lesson": "pas-une-lecon"},
        {"c1_what": "Texte\x00nul", "inconnu": "champ", "c9_what": "ailleurs"},
        {"c1_what": 12, "c1_lead": 3.5},
    ],
)
def test_hostile_fields_never_give_a_server_error(client, cycle, member, fields):
    client.force_login(member)
    answer = draft(client, cycle, fields, version="pas un nombre")
    assert answer.status_code == 200
    stored = CommitmentSet.objects.get().fields
    assert set(stored) <= {"c1_what", "c1_lead"}
    assert "\x00" not in stored.get("c1_what", "")


@pytest.mark.parametrize(
    "who", ["anonymous", "other_member", "facilitator", "policymaker"]
)
def test_only_the_districts_own_team_autosaves_its_commitments(
    client, cycle, member, district, who, request
):
    save_commitments(cycle, district, member, {"c1_what": "Caché"}, 0)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    answer = draft(client, cycle, {"c1_what": "Écrasé"}, 1)
    assert CommitmentSet.objects.get(district=district).fields == {"c1_what": "Caché"}
    if who == "other_member":  # writes its own district's set only
        assert answer.status_code == 200
        assert CommitmentSet.objects.exclude(district=district).get().fields == {
            "c1_what": "Écrasé"
        }
    else:
        assert answer.status_code == 403
        assert (
            answer.json()["message"] == "Vous ne pouvez pas modifier ces engagements."
        )


def test_before_step_5_the_autosave_is_refused(client, cycle_index, member):
    early = make_cycle(cycle_index, step=4, slug="tot")
    client.force_login(member)
    assert draft(client, early, {"c1_what": "Trop tôt"}).status_code == 403
    assert not CommitmentSet.objects.exists()


def test_the_autosave_needs_a_csrf_token(cycle, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert draft(client, cycle, {"c1_what": "Sans jeton"}).status_code == 403
    assert not CommitmentSet.objects.exists()


def test_an_unknown_cycle_is_a_json_404_and_get_is_refused(client, member):
    client.force_login(member)
    url = "/fr/followup/cycles/999999/commitments/draft/"
    answer = client.post(url, "{}", content_type="application/json")
    assert answer.status_code == 404
    assert answer.json()["message"] == "Ce cycle n’existe pas."
    assert client.get(url).status_code == 405
