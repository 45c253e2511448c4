"""The survey: permissions, drafts, idempotent submits, merges and conflicts, no-JS flow."""

import json

import pytest

from cycles.models import SurveyResponse, SurveyResponseRevision
from cycles.services import save_draft, submit_response

pytestmark = pytest.mark.django_db

VALID = {
    "stock_outs": "4",
    "had_stock_out": "yes",
    "cause": "late_order",
    "actions": ["alert", "loan"],
    "comment": '=HYPERLINK("http://evil")',
    "confidence": "4",
    "last_visit": "2026-03-02",
}


def post_survey(client, page, data, action="submit", version=0, token="tok-1"):
    payload = {**data, action: "1", "version": str(version), "submission_token": token}
    return client.post(page.url, payload)


def post_draft(client, page, answers, version=0, **extra):
    return client.post(
        page.url + "draft/",
        data=json.dumps({"answers": answers, "version": version}),
        content_type="application/json",
        **extra,
    )


# --- The permission matrix ---------------------------------------------------------
@pytest.fixture
def submitted(cycle, district, member):
    return submit_response(
        cycle, district, member, {"stock_outs": 7, "comment": "Secret Banikoara"}, 0
    ).record


@pytest.mark.parametrize(
    ("who", "sees_answers"),
    [
        ("member", True),
        ("teammate", True),
        ("facilitator", False),  # facilitators read through "who has answered"
        ("other_member", False),
        ("policymaker", False),
        (None, False),
    ],
)
def test_read_own_district_answers_only(
    client, request, cycle, submitted, who, sees_answers
):
    if who:
        client.force_login(request.getfixturevalue(who))
    html = client.get(cycle.url).content.decode()
    assert ("Secret Banikoara" in html) is sees_answers


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("facilitator", 200),
        ("member", 404),
        ("other_member", 404),
        ("policymaker", 404),
        (None, 404),
    ],
)
def test_one_districts_answers_page_is_for_facilitators_only(
    client, request, cycle, submitted, district, who, status
):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(f"{cycle.url}responses/{district.code}/")
    assert response.status_code == status
    if status == 200:
        assert "Secret Banikoara" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "draft_status", "submit_status"),
    [
        ("member", 200, 302),
        ("other_member", 200, 302),  # saves *their own* district's answers
        ("facilitator", 403, 403),
        ("policymaker", 403, 403),
        (None, 403, 302),  # anonymous: JSON refused, form sent to the login page
    ],
)
def test_draft_and_submit_rights(
    client, request, cycle, who, draft_status, submit_status
):
    user = request.getfixturevalue(who) if who else None
    if user:
        client.force_login(user)
    assert post_draft(client, cycle, {"stock_outs": 2}).status_code == draft_status
    response = post_survey(client, cycle, VALID, version=1)
    assert response.status_code == submit_status
    if who in ("member", "other_member"):
        stored = SurveyResponse.objects.get()
        assert stored.district == user.membership.district
        assert stored.status == "submitted"
    else:
        assert not SurveyResponse.objects.filter(status="submitted").exists()
    if who is None:
        assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    "who", ["member", "other_member", "facilitator", "policymaker", None]
)
def test_nobody_edits_after_answers_close(
    client, request, closed_cycle, district, member, who
):
    from cycles.models import SurveyResponse as Response

    Response.objects.create(
        cycle=closed_cycle,
        district=district,
        status="submitted",
        answers={"stock_outs": 1},
    )
    if who:
        client.force_login(request.getfixturevalue(who))
    assert post_draft(client, closed_cycle, {"stock_outs": 9}).status_code == 403
    post_survey(client, closed_cycle, {**VALID, "stock_outs": "9"})
    assert Response.objects.get().answers == {"stock_outs": 1}
    if who == "member":
        html = client.get(closed_cycle.url).content.decode()
        assert "Les réponses sont closes" in html
        assert 'id="survey-form"' not in html


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("facilitator", 200),
        ("member", 403),
        ("other_member", 403),
        ("policymaker", 403),
    ],
)
def test_export_is_for_facilitators(client, request, cycle, submitted, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(cycle.url + "export/csv/").status_code == status
    assert client.get(cycle.url + "export/xlsx/").status_code == status


def test_anonymous_export_goes_to_login(client, cycle, submitted):
    response = client.get(cycle.url + "export/csv/")
    assert response.status_code == 302 and "/login/" in response["Location"]


# --- The no-JavaScript flow -------------------------------------------------------------
def test_no_js_half_filled_submit_keeps_everything_and_explains(client, cycle, member):
    client.force_login(member)
    response = post_survey(client, cycle, {"had_stock_out": "yes", "comment": "Début"})
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "Veuillez répondre à cette question." in html
    )  # stock_outs and cause required
    assert "Début" in html  # typed text is still in the form
    stored = SurveyResponse.objects.get()
    assert stored.status == "draft"  # the valid part is kept as a draft
    assert stored.answers == {"had_stock_out": "yes", "comment": "Début"}


def test_no_js_draft_then_submit_shows_a_receipt(client, cycle, member, teammate):
    client.force_login(member)
    response = post_survey(client, cycle, {"stock_outs": "3"}, action="draft")
    assert response.status_code == 302
    assert SurveyResponse.objects.get().answers == {"stock_outs": 3}
    response = client.get(cycle.url)
    assert 'value="3"' in response.content.decode()
    response = post_survey(client, cycle, VALID, version=1, token="t-2")
    assert response.status_code == 302
    html = client.get(cycle.url).content.decode()
    assert "Numéro de reçu" in html
    client.force_login(teammate)
    html = client.get(cycle.url).content.decode()
    assert "Les réponses de votre district sont soumises." in html
    assert 'value="late_order" checked' in html or "checked" in html


def test_hidden_question_is_not_required_and_not_stored(client, cycle, member):
    client.force_login(member)
    data = {"stock_outs": "0", "had_stock_out": "no", "cause": "transport"}
    assert post_survey(client, cycle, data).status_code == 302
    assert SurveyResponse.objects.get().answers == {
        "stock_outs": 0,
        "had_stock_out": "no",
    }


def test_number_bounds_are_enforced(client, cycle, member):
    client.force_login(member)
    response = post_survey(client, cycle, {**VALID, "stock_outs": "500"})
    assert response.status_code == 200
    assert not SurveyResponse.objects.filter(status="submitted").exists()


# --- Idempotency ---------------------------------------------------------------------
def test_double_submit_stores_one_response_and_the_same_receipt(client, cycle, member):
    client.force_login(member)
    first = post_survey(client, cycle, VALID, token="same")
    receipt_one = client.get(cycle.url).content.decode().split("<code>")[1][:40]
    second = post_survey(client, cycle, VALID, token="same")
    receipt_two = client.get(cycle.url).content.decode().split("<code>")[1][:40]
    assert first.status_code == second.status_code == 302
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().version == 1
    assert SurveyResponseRevision.objects.count() == 1
    assert receipt_one == receipt_two


def test_replayed_submit_without_token_changes_nothing(cycle, district, member):
    answers = {"stock_outs": 2}
    first = submit_response(cycle, district, member, answers, 0, "a").record
    replay = submit_response(cycle, district, member, answers, 0, "b")
    assert replay.replay and replay.record.version == first.version


# --- Drafts and concurrency ---------------------------------------------------------
def test_json_draft_autosave_round_trip(client, cycle, member):
    client.force_login(member)
    response = post_draft(client, cycle, {"stock_outs": "5", "actions": ["loan"]})
    body = response.json()
    assert response.status_code == 200
    assert body["version"] == 1 and body["answers"] == {
        "stock_outs": 5,
        "actions": ["loan"],
    }
    body = post_draft(client, cycle, {"stock_outs": "6", "actions": ["loan"]}, 1).json()
    assert body["version"] == 2
    assert SurveyResponse.objects.get().revisions.count() == 2


def test_invalid_draft_value_is_reported_not_stored(client, cycle, member):
    client.force_login(member)
    body = post_draft(client, cycle, {"stock_outs": "-3", "comment": "ok"}).json()
    assert "stock_outs" in body["errors"]
    assert body["answers"] == {"comment": "ok"}


def test_two_members_editing_different_questions_are_merged(
    client, cycle, district, member, teammate
):
    save_draft(cycle, district, member, {"stock_outs": 1}, 0)  # version 1
    save_draft(cycle, district, member, {"stock_outs": 1, "comment": "A"}, 1)  # v2
    result = save_draft(
        cycle, district, teammate, {"stock_outs": 1, "confidence": 3}, 1
    )
    assert result.saved and result.merged
    assert result.record.answers == {"stock_outs": 1, "comment": "A", "confidence": 3}


def test_conflicting_edits_are_refused_with_a_translated_message(
    client, cycle, district, member, teammate
):
    save_draft(cycle, district, member, {"stock_outs": 1}, 0)  # v1
    save_draft(cycle, district, member, {"stock_outs": 2}, 1)  # v2 by member
    client.force_login(teammate)
    response = post_survey(client, cycle, {**VALID, "stock_outs": "9"}, version=1)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Un collègue a modifié les mêmes questions" in html
    assert "Nombre de ruptures" in html
    assert 'value="9"' in html  # the teammate's typing is kept
    assert SurveyResponse.objects.get().answers == {"stock_outs": 2}
    # Saving again from the current version keeps the teammate's answers.
    response = post_survey(client, cycle, {**VALID, "stock_outs": "9"}, version=2)
    assert response.status_code == 302
    assert SurveyResponse.objects.get().answers["stock_outs"] == 9


def test_json_conflict_is_409_and_stores_nothing(
    client, cycle, district, member, teammate
):
    save_draft(cycle, district, member, {"comment": "x"}, 0)
    save_draft(cycle, district, member, {"comment": "y"}, 1)
    client.force_login(teammate)
    response = post_draft(client, cycle, {"comment": "z"}, 1)
    assert response.status_code == 409
    assert response.json()["conflicts"] == ["comment"]
    assert SurveyResponse.objects.get().answers == {"comment": "y"}


# --- One response per cycle, whatever the language ------------------------------
def test_french_and_english_answers_share_one_response(
    client, cycle, cycle_en, member, teammate
):
    client.force_login(member)
    post_survey(client, cycle, {"stock_outs": "3"}, action="draft")
    client.force_login(teammate)
    html = client.get(cycle_en.url).content.decode()
    assert "Number of stock-outs" in html and 'value="3"' in html
    response = post_survey(client, cycle_en, {**VALID, "cause": "transport"}, version=1)
    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.cycle_id == cycle.id
    assert stored.answers["cause"] == "transport"
    assert "Transport" in client.get(cycle_en.url).content.decode()


def test_without_javascript_conditions_are_said_in_words(client, cycle, member):
    client.force_login(member)
    html = client.get(cycle.url).content.decode()
    assert (
        "Répondez seulement si la réponse à «\u00a0Rupture ce trimestre ?\u00a0» "
        "est «\u00a0Oui\u00a0»." in html
    )


# --- An invalid value never replaces a stored answer ---------------------------------
def test_autosave_of_an_invalid_value_keeps_the_teammates_stored_answer(
    client, cycle, district, member, teammate
):
    save_draft(cycle, district, teammate, {"stock_outs": 12, "comment": "A"}, 0)
    client.force_login(member)
    response = post_draft(
        client,
        cycle,
        {"stock_outs": "75", "comment": "B"},
        1,
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    body = response.json()
    assert response.status_code == 200
    assert "stock_outs" in body["errors"]
    assert body["answers"] == {"stock_outs": 12, "comment": "B"}
    assert "Nombre de ruptures" in body["message"]
    assert "Brouillon enregistré" not in body["message"]
    assert SurveyResponse.objects.get().answers == {"stock_outs": 12, "comment": "B"}


def test_autosave_of_an_invalid_value_after_a_teammates_newer_save_keeps_theirs(
    client, cycle, district, member, teammate
):
    save_draft(cycle, district, member, {"comment": "A"}, 0)  # v1, the member's base
    save_draft(cycle, district, teammate, {"comment": "A", "stock_outs": 12}, 1)  # v2
    client.force_login(member)
    body = post_draft(client, cycle, {"comment": "A", "stock_outs": "75"}, 1).json()
    assert "stock_outs" in body["errors"]
    assert SurveyResponse.objects.get().answers == {"comment": "A", "stock_outs": 12}


def test_no_js_draft_with_an_invalid_value_keeps_the_stored_answer_and_says_so(
    client, cycle, district, member, teammate
):
    save_draft(cycle, district, teammate, {"stock_outs": 12}, 0)
    client.force_login(member)
    response = post_survey(
        client, cycle, {"stock_outs": "75", "comment": "B"}, action="draft", version=1
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="field-error"' in html
    assert 'value="75"' in html  # what was typed stays in the field
    assert "Vos autres réponses sont enregistrées" in html
    assert SurveyResponse.objects.get().answers == {"stock_outs": 12, "comment": "B"}


def test_no_js_submit_with_an_invalid_value_keeps_the_stored_answer(
    client, cycle, district, member, teammate
):
    save_draft(cycle, district, teammate, {"stock_outs": 12}, 0)
    client.force_login(member)
    response = post_survey(client, cycle, {**VALID, "stock_outs": "75"}, version=1)
    assert response.status_code == 200
    stored = SurveyResponse.objects.get()
    assert stored.status == "draft"
    assert stored.answers["stock_outs"] == 12


# --- After the close ----------------------------------------------------------------
def test_closed_cycle_says_a_draft_was_never_submitted(
    client, closed_cycle, district, member
):
    SurveyResponse.objects.create(
        cycle=closed_cycle, district=district, status="draft", answers={"stock_outs": 3}
    )
    client.force_login(member)
    html = client.get(closed_cycle.url).content.decode()
    assert "brouillon de votre district n’a jamais été soumis" in html
    assert "n’est pas compté dans les résultats" in html
    assert "Les réponses sont closes. Les réponses de votre district" not in html


def test_closed_cycle_shows_submitted_answers_as_answers(
    client, closed_cycle, district, member
):
    SurveyResponse.objects.create(
        cycle=closed_cycle,
        district=district,
        status="submitted",
        answers={"stock_outs": 3},
    )
    client.force_login(member)
    html = client.get(closed_cycle.url).content.decode()
    assert "Les réponses de votre district" in html
    assert "jamais été soumis" not in html
