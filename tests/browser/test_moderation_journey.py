"""Issue 9's facilitator journey through the real UI, in French and in English: a
member's comment is reported, the facilitator hides it from the moderation queue, then
writes the cycle's synthesis in the Wagtail editor and publishes it."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from discussions.models import Announcement, CommentDetails
from discussions.services import Draft, flag_comment, post_comment
from tests.browser.conftest import log_in
from tests.browser.test_journeys import click_hidden
from tests.cycles.conftest import make_cycle
from tests.public_page_fixtures import translate_cycle

OFFENSIVE = "Le district voisin ment sur ses chiffres, ce sont des voleurs."
SYNTHESIS = {
    "fr": "Les districts qui commandent un mois plus tôt évitent les ruptures.",
    "en": "Districts that order a month earlier avoid stock-outs.",
}
HIDDEN_NOTICE = {
    "fr": "Ce commentaire a été masqué par un facilitateur.",
    "en": "This comment was hidden by a facilitator.",
}
QUEUE_TITLE = {"fr": "Modération", "en": "Moderation"}
SYNTHESIS_HEADING = {
    "fr": "La synthèse des facilitateurs",
    "en": "The facilitators' synthesis",
}


@pytest.fixture
def discussed_cycle(pp_cycle_index):
    """A cycle at step 5 (discussion open), by language: {"fr": ..., "en": ...}."""
    french = make_cycle(
        pp_cycle_index, step=5, slug="revues-deces", title="Revues des décès"
    )
    # Participants read (and post in) the discussion once the results are published.
    french.results_published = True
    french.save()
    english = translate_cycle(french, "Death reviews", "death-reviews")
    return {"fr": french, "en": english}


def member_sees(user, url: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_facilitator_hides_a_reported_comment_and_publishes_the_synthesis(
    page, live_server, discussed_cycle, member, other_member, facilitator, lang
):
    cycle = discussed_cycle[lang]
    comment = post_comment(member, discussed_cycle["fr"], Draft(OFFENSIVE))
    flag_comment(other_member, comment, "Insulte envers un autre district")
    assert OFFENSIVE in member_sees(other_member, cycle.url)
    profile = UserProfile.get_for_user(facilitator)
    profile.preferred_language = lang  # the Wagtail admin speaks the journey's language
    profile.save()

    log_in(page, live_server.url, facilitator.username, lang=lang)
    page.goto(live_server.url + reverse("discussions_moderation"))
    assert page.locator("h1").first.inner_text().strip() == QUEUE_TITLE[lang]
    row = page.locator("table.listing tbody tr", has_text=OFFENSIVE)
    assert row.count() == 1
    assert "Insulte envers un autre district" in row.inner_text()
    row.locator("input[name=reason]").fill("Pas d'insultes entre districts.")
    with page.expect_navigation():
        row.locator("button[value=hide]").click()
    page.wait_for_load_state("load")
    assert page.locator("table.listing", has_text=OFFENSIVE).count() == 0

    details = CommentDetails.objects.get(pk=comment.pk)
    assert details.status == "hidden"
    assert details.moderation_reason == "Pas d'insultes entre districts."
    html = member_sees(other_member, cycle.url)
    assert OFFENSIVE not in html
    assert HIDDEN_NOTICE[lang] in html

    # The synthesis is written on the cycle's French (source) page...
    french = discussed_cycle["fr"]
    page.goto(f"{live_server.url}/admin/pages/{french.pk}/edit/")
    page.get_by_role("tab", name="Discussion").click()
    editor = (
        page.locator("#id_synthesis")
        .locator("xpath=..")
        .locator("[contenteditable=true]")
    )
    editor.click()
    page.keyboard.type(SYNTHESIS["fr"])
    # Draftail copies its content into the form's hidden input a moment after typing.
    expect(page.locator("#id_synthesis")).to_have_value(re.compile("ruptures"))
    with page.expect_navigation():
        click_hidden(page, "button[name='action-publish']")
    page.wait_for_load_state("load")
    if lang == "en":
        # ...and translated in wagtail-localize's editor, after a sync.
        source = TranslationSource.objects.get(object_id=french.translation_key)
        page.goto(f"{live_server.url}/admin/localize/update/{source.pk}/")
        with page.expect_navigation():
            page.locator("input[type=submit]").click()
        page.goto(f"{live_server.url}/admin/pages/{cycle.pk}/edit/")
        page.get_by_role("tab", name="Discussion").click()
        segment = page.locator(
            "li", has=page.get_by_text(SYNTHESIS["fr"], exact=True)
        ).last
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(SYNTHESIS["en"])
        segment.get_by_role("button", name="Save").click()
        expect(segment).to_contain_text(SYNTHESIS["en"])
        with page.expect_navigation():
            page.get_by_role("button", name="Publish in English").click()
        page.wait_for_load_state("load")
    cycle.refresh_from_db()
    assert SYNTHESIS[lang] in cycle.synthesis
    assert Announcement.objects.filter(
        page_id=discussed_cycle["fr"].pk, kind=Announcement.Kind.SYNTHESIS
    ).exists()

    page.goto(live_server.url + cycle.url)
    synthesis = page.locator("#synthesis")
    assert synthesis.locator("h2").inner_text() == SYNTHESIS_HEADING[lang]
    assert synthesis.locator(".rich-text").inner_text().strip() == SYNTHESIS[lang]
    assert OFFENSIVE not in page.locator("main").inner_text()
    assert page.js_errors == []
