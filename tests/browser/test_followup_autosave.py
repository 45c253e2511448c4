"""Issue #17: nothing typed in the commitments form is lost. The text is kept on the
device and autosaved while a member types; typed with no connection, it comes back
after a reload (the page says so) and reaches the server when the connection
returns; two teammates autosaving the same set get the merge or a 409 that keeps
both texts."""

import pytest
from playwright.sync_api import expect

from followup.models import Commitment, CommitmentSet, CommitmentSetRevision
from tests.browser.conftest import log_in
from tests.browser.test_offline import KEPT, new_page
from tests.followup.conftest import make_cycle


@pytest.fixture
def cycle(home_page):
    from cycles.factories import CycleIndexPageFactory

    return make_cycle(CycleIndexPageFactory(parent=home_page), step=5)


def open_and_keep(page, url):
    """Open the cycle page until the service worker keeps it for offline use."""
    page.goto(url)
    for _attempt in range(50):
        if page.evaluate(KEPT, url):
            return
        page.wait_for_timeout(200)
        if _attempt % 10 == 9:
            page.reload()
    raise AssertionError(f"the worker did not keep {url}")


def test_a_commitment_typed_offline_comes_back_after_a_reload_and_is_saved_online(
    page, connection, cycle, member
):
    url = f"{connection.url}{cycle.url}"
    log_in(page, connection.url, member.username)
    open_and_keep(page, url)
    status = page.locator("#followup-status")
    assert status.get_attribute("aria-live") == "polite"

    # The connection drops before any save. (A page loaded online keeps sending its
    # fallback requests past Chromium's offline emulation: reload it offline first,
    # from the worker, as test_offline does.)
    connection.drop()
    page.reload()
    page.fill("#id_c1_what", "Supervision formative mensuelle de chaque CSPS")
    page.fill("#id_c1_lead", "Médecin-chef")
    expect(status).to_contain_text("Pas de connexion")
    assert not CommitmentSet.objects.exists()

    page.reload()  # served by the worker; the text comes back from the device
    assert page.input_value("#id_c1_what") == (
        "Supervision formative mensuelle de chaque CSPS"
    )
    assert page.input_value("#id_c1_lead") == "Médecin-chef"
    expect(status).to_contain_text("restauré")
    page.wait_for_timeout(2000)
    assert not CommitmentSet.objects.exists()

    connection.restore()
    expect(status).to_contain_text("Enregistré à")
    commitment = Commitment.objects.get()
    assert commitment.what == "Supervision formative mensuelle de chaque CSPS"
    assert commitment.lead == "Médecin-chef"

    page.reload()  # saved: nothing to restore, the server's text is shown
    assert page.input_value("#id_c1_lead") == "Médecin-chef"
    expect(status).to_have_text("")
    assert page.js_errors == []


def test_a_tab_closed_before_the_save_gives_the_text_back_in_a_new_one(
    page, connection, browser_context, cycle, member
):
    url = f"{connection.url}{cycle.url}"
    log_in(page, connection.url, member.username)
    page.goto(url)
    connection.line.down()  # the server cannot be reached (the device thinks it is online)
    page.fill("#id_c1_measure", "Taux de supervision des CSPS")
    expect(page.locator("#followup-status")).to_contain_text("Pas de connexion")
    page.close()
    assert not CommitmentSet.objects.exists()
    connection.line.up()

    again = new_page(browser_context)
    again.goto(url)
    assert again.input_value("#id_c1_measure") == "Taux de supervision des CSPS"
    expect(again.locator("#followup-status")).to_contain_text("Enregistré à")
    assert CommitmentSet.objects.get().fields["c1_measure"] == (
        "Taux de supervision des CSPS"
    )


def test_two_teammates_autosaving_merge_and_a_clash_keeps_both_texts(
    chromium_browser, live_server, cycle, member, teammate
):
    url = f"{live_server.url}{cycle.url}"
    contexts, pages, errors = [], [], []
    for who in (member, teammate):
        context = chromium_browser.new_context(
            locale="fr-FR", viewport={"width": 360, "height": 740}
        )
        one = new_page(context)
        one.on("pageerror", lambda exc: errors.append(str(exc)))
        log_in(one, live_server.url, who.username)
        one.goto(url)
        contexts.append(context)
        pages.append(one)
    mine, theirs = pages
    my_status, their_status = (p.locator("#followup-status") for p in pages)

    # Different fields from the same empty set: merged, each page gets the other's.
    mine.fill("#id_c1_what", "Réunions mensuelles")
    expect(my_status).to_contain_text("Enregistré à")
    theirs.fill("#id_c1_lead", "Awa")
    expect(their_status).to_contain_text("Enregistré à")
    expect(theirs.locator("#id_c1_what")).to_have_value("Réunions mensuelles")
    stored = CommitmentSet.objects.get().fields
    assert stored["c1_what"] == "Réunions mensuelles" and stored["c1_lead"] == "Awa"

    # The same field, differently: the second save is a 409; nothing is lost.
    mine.fill("#id_c1_measure", "Comptes rendus signés")
    expect(my_status).to_contain_text("Enregistré à")
    expect(mine.locator("#id_c1_lead")).to_have_value("Awa")
    theirs.fill("#id_c1_measure", "Présence des chefs de poste")
    expect(their_status).to_contain_text("a modifié les mêmes champs")
    expect(theirs.locator("#id_c1_measure")).to_have_value(
        "Présence des chefs de poste"
    )
    expect(theirs.locator("#id_c1_measure_theirs")).to_contain_text(
        "Comptes rendus signés"
    )
    assert CommitmentSet.objects.get().fields["c1_measure"] == "Comptes rendus signés"

    # A reload does not hide the clash: the device's text comes back and clashes again.
    theirs.reload()
    expect(theirs.locator("#id_c1_measure")).to_have_value(
        "Présence des chefs de poste"
    )
    expect(their_status).to_contain_text("a modifié les mêmes champs")

    # Saving with the button keeps theirs over mine, the older text in the history.
    theirs.click("#followup-form button[type=submit]")
    theirs.wait_for_load_state("load")
    stored = CommitmentSet.objects.get()
    assert stored.fields["c1_measure"] == "Présence des chefs de poste"
    history = CommitmentSetRevision.objects.values_list("fields", flat=True)
    assert any(f.get("c1_measure") == "Comptes rendus signés" for f in history)
    assert errors == []
    for context in contexts:
        context.close()
