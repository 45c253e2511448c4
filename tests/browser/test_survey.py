"""A member fills half the survey, reloads, finds the answers, submits; a teammate
then sees the submitted answers. Autosave and conditions run in the real browser."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from cycles.models import SurveyResponse
from tests.browser.conftest import log_in
from tests.cycles.conftest import make_cycle


@pytest.fixture
def open_cycle(home_page):
    from cycles.factories import CycleIndexPageFactory

    return make_cycle(CycleIndexPageFactory(parent=home_page))


def test_half_filled_survey_survives_a_reload_then_is_submitted(
    page, live_server, browser_context, open_cycle, member, teammate
):
    url = f"{live_server.url}{open_cycle.url}"
    log_in(page, live_server.url, member.username)
    page.goto(url)
    cause = page.locator('[data-question="cause"]')
    assert cause.is_hidden()  # shown only if there was a stock-out

    page.get_by_label("Nombre de ruptures").fill("4")
    page.get_by_label("Oui").first.check()
    assert cause.is_visible()
    page.get_by_label("Commentaire").fill("Livraison en retard de deux semaines")
    expect(page.locator("#survey-status")).to_contain_text("Brouillon enregistré")
    assert SurveyResponse.objects.get().status == "draft"

    page.reload()
    assert page.get_by_label("Nombre de ruptures").input_value() == "4"
    assert "deux semaines" in page.get_by_label("Commentaire").input_value()
    assert cause.is_visible()

    page.get_by_label("Commande tardive").check()
    page.get_by_role("button", name="Soumettre les réponses de notre district").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Numéro de reçu").is_visible()
    stored = SurveyResponse.objects.get()
    assert stored.status == "submitted"
    assert stored.answers["cause"] == "late_order"
    assert stored.answers["stock_outs"] == 4
    assert page.js_errors == []

    other = browser_context.browser.new_context(locale="fr-FR")
    teammate_page = other.new_page()
    log_in(teammate_page, live_server.url, teammate.username)
    teammate_page.goto(url)
    assert teammate_page.get_by_text(
        "Les réponses de votre district sont soumises."
    ).is_visible()
    assert teammate_page.get_by_label("Nombre de ruptures").input_value() == "4"
    assert teammate_page.get_by_label("Commande tardive").is_checked()
    other.close()


def test_answers_typed_offline_are_kept_and_sent_when_back_online(
    page, connection, open_cycle, member
):
    log_in(page, connection.url, member.username)
    page.goto(f"{connection.url}{open_cycle.url}")
    connection.drop()
    page.get_by_label("Commentaire").fill("Tapé sans réseau")
    expect(page.locator("#survey-status")).to_contain_text("Pas de connexion")
    assert not SurveyResponse.objects.exists()
    connection.restore()
    expect(page.locator("#survey-status")).to_contain_text("Brouillon enregistré")
    assert SurveyResponse.objects.get().answers == {"comment": "Tapé sans réseau"}


def test_invalid_value_typed_shows_the_error_and_keeps_the_teammates_answer(
    page, live_server, open_cycle, district, member, teammate
):
    from cycles.services import save_draft

    save_draft(open_cycle, district, teammate, {"stock_outs": 12}, 0)
    log_in(page, live_server.url, member.username)
    page.goto(f"{live_server.url}{open_cycle.url}")
    field = page.get_by_label("Nombre de ruptures")
    assert field.input_value() == "12"

    field.fill("75")  # the maximum is 50
    error = page.locator('[data-question="stock_outs"] .field-error')
    expect(error).to_contain_text("50")
    status = page.locator("#survey-status")
    expect(status).to_contain_text("Nombre de ruptures")
    expect(status).not_to_contain_text("Brouillon enregistré")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_stock_outs_error" in field.get_attribute("aria-describedby")
    assert SurveyResponse.objects.get().answers == {"stock_outs": 12}

    page.reload()
    assert page.get_by_label("Nombre de ruptures").input_value() == "12"
    field = page.get_by_label("Nombre de ruptures")
    field.fill("77")
    expect(error).to_contain_text("50")
    field.fill("30")  # corrected: the error goes, the draft is saved
    expect(status).to_contain_text("Brouillon enregistré")
    expect(error).to_have_count(0)
    assert field.get_attribute("aria-invalid") is None
    assert SurveyResponse.objects.get().answers == {"stock_outs": 30}
    assert page.js_errors == []


def test_the_autosave_status_shows_the_server_time_in_conakry_not_the_devices(
    chromium_browser, live_server, open_cycle, other_member
):
    """Issue 16: a Guinean member on a device set to Tokyo (UTC+9) reads the save
    time in Conakry time, as the server saved it."""
    context = chromium_browser.new_context(locale="fr-FR", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        log_in(page, live_server.url, other_member.username)
        page.goto(f"{live_server.url}{open_cycle.url}")
        page.get_by_label("Nombre de ruptures").fill("3")
        status = page.locator("#survey-status")
        expect(status).to_contain_text("(heure de Conakry)")
        shown = re.search(r"(\d\d):(\d\d)", status.inner_text())
        saved = SurveyResponse.objects.get().updated_at.astimezone(dt.UTC)
        assert shown and shown.group(0) == f"{saved:%H:%M}"  # Conakry is UTC+0
    finally:
        context.close()


def test_saving_the_draft_with_the_button_does_not_claim_to_restore_anything(
    page, live_server, open_cycle, member
):
    """A number typed, then "Enregistrer le brouillon": the page came back saying answers
    typed on this device had been restored (the device kept "4", the server 4, and the
    two never compared equal) and sent a needless save."""
    log_in(page, live_server.url, member.username)
    page.goto(f"{live_server.url}{open_cycle.url}")
    autosaves = []
    page.on(
        "request", lambda r: autosaves.append(r.url) if "/draft/" in r.url else None
    )
    page.get_by_label("Nombre de ruptures").fill("4")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1200)  # the restore would send its save 0.5 s after loading
    assert page.get_by_label("Nombre de ruptures").input_value() == "4"
    assert SurveyResponse.objects.get().answers["stock_outs"] == 4
    assert autosaves == []
    assert page.js_errors == []
