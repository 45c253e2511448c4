"""Answering with no connection at all (issue #19): after one visit online, a member
opens the survey offline from the service worker, answers, reloads, and the answers
reach the server once through the draft path when the connection returns; two
teammates offline on two devices get the merge or the 409 of the online path; logout
leaves nothing for the next person at the same browser."""

import re

import pytest
from playwright.sync_api import expect

from cycles.models import SurveyResponse
from portal.offline import member_id
from tests.browser.conftest import log_in
from tests.browser.network import Connection
from tests.cycles.conftest import make_cycle

KEPT = """url => caches.keys().then(names => Promise.all(names
  .filter(name => name.startsWith("dt-member-"))
  .map(name => caches.open(name).then(cache => cache.match(url, { ignoreVary: true })))))
  .then(found => found.some(Boolean))"""
WAITING = re.compile("Pas de connexion|Enregistrement")
MEMBER_CACHES = """() => caches.keys().then(names =>
  names.filter(name => name.startsWith("dt-member-")))"""


@pytest.fixture
def open_cycle(home_page):
    from cycles.factories import CycleIndexPageFactory

    return make_cycle(CycleIndexPageFactory(parent=home_page))


def wait_until_kept(page, url):
    for _attempt in range(100):
        if page.evaluate(KEPT, url):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"the worker did not keep {url}")


def visit_once(page, base_url, user, cycle):
    """Sign in and read the home page only: the worker keeps the open cycle."""
    log_in(page, base_url, user.username)
    page.goto(f"{base_url}/fr/")
    wait_until_kept(page, f"{base_url}{cycle.url}")


def new_page(browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_a_survey_answered_with_no_connection_reaches_the_server_once(
    page, connection, open_cycle, member
):
    visit_once(page, connection.url, member, open_cycle)
    connection.drop()
    page.goto(f"{connection.url}{open_cycle.url}")
    expect(page.locator(".offline-status__mode")).to_contain_text(
        "Vous êtes hors ligne"
    )
    page.get_by_label("Commentaire").fill("Tapé sans réseau, depuis le début")
    expect(page.locator("#survey-status")).to_contain_text("Pas de connexion")
    expect(page.locator(".offline-status__queue")).to_contain_text("En attente d’envoi")

    page.reload()
    assert "depuis le début" in page.get_by_label("Commentaire").input_value()
    expect(page.locator(".offline-status__queue")).to_contain_text("En attente d’envoi")
    assert not SurveyResponse.objects.exists()

    connection.restore()
    expect(page.locator("#survey-status")).to_contain_text("Brouillon enregistré")
    expect(page.locator(".offline-status__queue")).to_contain_text("Rien n’attend")
    expect(page.locator(".offline-status__sync")).to_contain_text(
        "Dernière synchronisation"
    )
    page.reload()
    page.wait_for_load_state("networkidle")
    stored = SurveyResponse.objects.get()
    assert stored.answers == {"comment": "Tapé sans réseau, depuis le début"}
    assert stored.version == 1  # sent once, not once per reload
    assert page.js_errors == []


def test_a_submission_asked_offline_goes_through_the_form_when_back(
    page, connection, open_cycle, member
):
    visit_once(page, connection.url, member, open_cycle)
    connection.drop()
    page.goto(f"{connection.url}{open_cycle.url}")
    page.get_by_label("Nombre de ruptures").fill("3")
    page.get_by_label("Non").first.check()
    page.get_by_role("button", name="Soumettre les réponses de notre district").click()
    expect(page.locator(".offline-status__queue")).to_contain_text(
        "Votre soumission sera envoyée"
    )
    connection.restore()
    expect(page.get_by_text("Numéro de reçu")).to_be_visible()
    stored = SurveyResponse.objects.get()
    assert stored.status == "submitted" and stored.answers["stock_outs"] == 3


def test_two_teammates_offline_on_two_devices_merge_or_conflict_as_online(
    chromium_browser, live_server, open_cycle, member, teammate
):
    devices = [chromium_browser.new_context(locale="fr-FR") for _ in range(2)]
    lines = [Connection(device, live_server.url) for device in devices]
    pages = [new_page(device) for device in devices]
    for device_page, line, user in zip(pages, lines, (member, teammate), strict=True):
        visit_once(device_page, line.url, user, open_cycle)
    for device_page, line in zip(pages, lines, strict=True):
        line.drop()
        device_page.goto(f"{line.url}{open_cycle.url}")
    first, second = pages

    def offline():
        for line in lines:
            line.drop()

    def back_online_in_turn():
        for line, page_ in zip(lines, pages, strict=True):
            line.restore()
            # Settled, not only back: the next device must not overtake this one's
            # send (the second device's draft won the race once on a loaded CI).
            expect(page_.locator("#survey-status")).not_to_contain_text(WAITING)

    # Different questions: merged, as online.
    first.get_by_label("Nombre de ruptures").fill("5")
    second.get_by_label("Oui").first.check()
    for device_page in pages:
        expect(device_page.locator("#survey-status")).to_contain_text(
            "Pas de connexion"
        )
    back_online_in_turn()
    expect(first.locator("#survey-status")).to_contain_text("Brouillon enregistré")
    expect(second.locator("#survey-status")).to_contain_text("Brouillon enregistré")
    stored = SurveyResponse.objects.get()
    assert stored.answers["stock_outs"] == 5
    assert stored.answers["had_stock_out"] in (True, "yes")

    # The same question: the second device gets the 409 of the online path.
    offline()
    first.get_by_label("Commentaire").fill("Vu par le premier")
    second.get_by_label("Commentaire").fill("Vu par la seconde")
    for device_page in pages:
        expect(device_page.locator("#survey-status")).to_contain_text(
            "Pas de connexion"
        )
    back_online_in_turn()
    expect(second.locator("#survey-status")).to_contain_text(
        "a modifié les mêmes questions"
    )
    stored = SurveyResponse.objects.get()
    assert stored.answers["comment"] == "Vu par le premier"  # kept, not overwritten
    assert stored.answers["stock_outs"] == 5
    assert "Vu par la seconde" in second.get_by_label("Commentaire").input_value()
    for device, line in zip(devices, lines, strict=True):
        device.close()
        line.close()


def test_logout_clears_the_cache_and_the_next_member_sees_nothing_offline(
    page, connection, open_cycle, member, other_member
):
    visit_once(page, connection.url, member, open_cycle)
    connection.drop()
    page.goto(f"{connection.url}{open_cycle.url}")
    page.get_by_label("Commentaire").fill("Brouillon du premier membre")
    expect(page.locator(".offline-status__queue")).to_contain_text("En attente d’envoi")
    connection.restore()
    expect(page.locator("#survey-status")).to_contain_text("Brouillon enregistré")
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(MEMBER_CACHES) == []
    assert page.evaluate("() => Object.keys(localStorage)") == []

    log_in(page, connection.url, other_member.username)
    page.goto(f"{connection.url}/fr/")
    wait_until_kept(page, f"{connection.url}{open_cycle.url}")
    kept = page.evaluate(MEMBER_CACHES)
    assert kept == [f"dt-member-{member_id(other_member)}"]
    connection.drop()
    page.goto(f"{connection.url}{open_cycle.url}")
    assert page.get_by_label("Commentaire").input_value() == ""
    assert "Brouillon du premier membre" not in page.content()
    assert page.locator("#survey-form").get_attribute("data-member") == member_id(
        other_member
    )


def test_an_expired_session_drops_the_members_pages_at_the_next_page_online(
    page, connection, open_cycle, member
):
    from django.contrib.sessions.models import Session

    visit_once(page, connection.url, member, open_cycle)
    Session.objects.all().delete()  # the session expired: nobody is signed in
    page.goto(f"{connection.url}/fr/")
    for _attempt in range(50):
        if page.evaluate(MEMBER_CACHES) == []:
            break
        page.wait_for_timeout(200)
    assert page.evaluate(MEMBER_CACHES) == []
    connection.drop()
    page.goto(f"{connection.url}{open_cycle.url}")
    expect(page.get_by_role("heading", name="Pas de connexion")).to_be_visible()
