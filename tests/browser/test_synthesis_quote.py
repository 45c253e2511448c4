"""Issue 16: in the Wagtail editor, a facilitator quotes a comment of the cycle's
thread in the synthesis; readers see it attributed by the cycle's rule."""

from django.test import Client
from playwright.sync_api import expect

from discussions.services import Draft, post_comment
from tests.browser.conftest import log_in
from tests.browser.test_journeys import click_hidden
from tests.cycles.conftest import make_cycle

QUOTED = "Nous commandons les vaccins un mois plus tôt depuis janvier."
OTHER = "Commentaire d'un autre cycle."


def test_facilitator_quotes_a_comment_of_the_thread_in_the_synthesis(
    page, live_server, pp_cycle_index, member, facilitator
):
    cycle = make_cycle(pp_cycle_index, step=5, slug="revues", title="Revues")
    other = make_cycle(pp_cycle_index, step=5, slug="autre", title="Autre")
    for each in (cycle, other):
        each.results_published = True
        each.discussion_attribution = "district"
        each.save_revision().publish()
    post_comment(member, cycle, Draft(QUOTED), limit_rate=False)
    post_comment(member, other, Draft(OTHER), limit_rate=False)

    log_in(page, live_server.url, facilitator.username)
    page.goto(f"{live_server.url}/admin/pages/{cycle.pk}/edit/")
    page.get_by_role("tab", name="Discussion").click()
    panel = page.locator("[data-contentpath='synthesis_quotes']")
    panel.get_by_role("button", name="Insérer un bloc").first.click()
    panel.get_by_role("button", name="Choisir un commentaire").click()
    modal = page.locator(".modal-content")
    expect(modal).to_contain_text(QUOTED[:40])
    expect(modal).not_to_contain_text(OTHER)
    modal.get_by_role("link", name=QUOTED[:40], exact=False).click()
    expect(panel).to_contain_text(QUOTED[:40])
    with page.expect_navigation():
        click_hidden(page, "button[name='action-publish']")
    page.wait_for_load_state("load")

    client = Client()
    client.force_login(member)
    html = client.get(cycle.url).content.decode()
    assert QUOTED in html
    assert "— un membre de " in html
