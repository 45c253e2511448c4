"""Issue 16: the facilitators quote comments of the cycle's thread in its synthesis.

The quotation names its author by the cycle's attribution rule when the page is read
(pseudonyms respected), disappears once the comment is hidden or removed, is the same
in every language, and the editor's chooser lists only this cycle's published
comments, to facilitators only.
"""

import pytest
from django.urls import reverse

from cycles.models import CyclePage, SurveyResponse
from cycles.translation import translate_cycle
from discussions.services import hide, remove

pytestmark = pytest.mark.django_db

QUOTED = "Nous avons réduit les ruptures en commandant dès janvier."
OTHER = "Un autre cycle, une autre discussion."


def publish(page):
    page.save_revision().publish()
    return CyclePage.objects.get(pk=page.pk)


def quote(cycle, *comments):
    cycle.synthesis = "<p>Ce que les équipes retiennent.</p>"
    cycle.synthesis_quotes = [("comment", comment.details) for comment in comments]
    return publish(cycle)


def synthesis_section(html: str) -> str:
    start = html.index('<section class="synthesis"')
    return html[start : html.index("</section>", start)]


def read(client, page) -> str:
    return synthesis_section(client.get(page.url).content.decode())


@pytest.mark.parametrize(
    ("attribution", "shown", "not_shown"),
    [
        ("named", "— Aïcha Bio-Gado", None),
        ("district", "— un membre de Banikoara", "Aïcha"),
        ("country", "— un participant (Bénin)", "Banikoara"),
    ],
)
def test_a_quoted_comment_is_attributed_by_the_cycles_rule(
    client, make_cycle, named_member, say, attribution, shown, not_shown
):
    cycle = make_cycle(discussion_attribution=attribution)
    comment = say(named_member, cycle, QUOTED)
    cycle = quote(cycle, comment)
    html = read(client, cycle)
    assert f'<blockquote class="quotation__text"><p>{QUOTED}</p></blockquote>' in html
    assert shown in html
    if not_shown:
        assert not_shown not in html


def test_the_rule_is_applied_when_read_not_when_quoted(
    client, make_cycle, named_member, say
):
    cycle = make_cycle(discussion_attribution="named")
    cycle = quote(cycle, say(named_member, cycle, QUOTED))
    assert "Aïcha Bio-Gado" in read(client, cycle)
    cycle.discussion_attribution = "district"
    cycle = publish(cycle)
    html = read(client, cycle)
    assert "un membre de Banikoara" in html and "Aïcha" not in html


def test_a_pseudonymised_cycle_quotes_by_pseudonym(
    client, make_cycle, named_member, say, district, other_district
):
    cycle = make_cycle(
        discussion_attribution="named", results_display_mode="pseudonyms"
    )
    for team in (district, other_district):
        SurveyResponse.objects.create(cycle=cycle, district=team, status="submitted")
    cycle = quote(cycle, say(named_member, cycle, QUOTED))
    html = read(client, cycle)
    assert QUOTED in html
    assert "— un membre de District " in html
    assert "Aïcha" not in html and "Banikoara" not in html


def test_the_english_translation_quotes_the_same_comment_in_english(
    client, make_cycle, named_member, say, home_page_en
):
    """The chosen comment is not text: wagtail-localize's sync copies it, and the
    English page attributes it in English."""
    cycle = make_cycle(discussion_attribution="district")
    cycle = quote(cycle, say(named_member, cycle, QUOTED))
    english = translate_cycle(
        cycle,
        "en",
        {
            "title": "Vaccine stock-outs",
            "slug": "stock-outs",
            "synthesis": "<p>What the teams keep.</p>",
        },
    )
    assert [block.value.pk for block in english.synthesis_quotes] == [
        comment.pk for comment in [cycle.synthesis_quotes[0].value]
    ]
    html = read(client, english)
    assert "What the teams keep." in html
    assert QUOTED in html
    assert "— a member of Banikoara" in html
    assert "un membre" not in html


@pytest.mark.parametrize("moderate", [hide, remove])
def test_a_comment_moderated_after_quoting_is_no_longer_shown(
    client, make_cycle, named_member, teammate, facilitator, say, moderate
):
    cycle = make_cycle(discussion_attribution="district")
    kept = say(teammate, cycle, "Les relances par SMS ont aidé.")
    quoted = say(named_member, cycle, QUOTED)
    cycle = quote(cycle, kept, quoted)
    assert QUOTED in read(client, cycle)
    moderate(facilitator, quoted, "Propos hors sujet")
    html = read(client, cycle)
    assert QUOTED not in html
    assert "Les relances par SMS ont aidé." in html


def test_a_comment_of_another_thread_is_not_shown(
    client, make_cycle, named_member, say
):
    cycle = make_cycle()
    other = make_cycle(slug="autre")
    cycle = quote(
        cycle, say(named_member, cycle, QUOTED), say(named_member, other, OTHER)
    )
    html = read(client, cycle)
    assert QUOTED in html and OTHER not in html


# --- The editor's chooser -------------------------------------------------------
def chooser(client, **params):
    return client.get(reverse("comment_chooser:choose"), params)


def modal_html(response) -> str:
    """The chooser modal's HTML (Wagtail answers it inside JSON)."""
    return response.json()["html"]


def test_the_chooser_lists_the_published_comments_of_this_cycle_only(
    client, make_cycle, named_member, teammate, facilitator, say
):
    cycle = make_cycle()
    other = make_cycle(slug="autre")
    say(named_member, cycle, QUOTED)
    hidden = say(teammate, cycle, "Commentaire masqué par la modération")
    hide(facilitator, hidden, "Hors sujet")
    say(named_member, other, OTHER)
    client.force_login(facilitator)

    html = modal_html(chooser(client, thread=cycle.pk))
    assert QUOTED in html
    assert "Aïcha Bio-Gado" in html  # facilitators see who wrote what
    assert OTHER not in html
    assert "Commentaire masqué" not in html

    results = client.get(
        reverse("comment_chooser:choose_results"), {"thread": other.pk}
    ).content.decode()
    assert OTHER in results and QUOTED not in results
    assert QUOTED not in modal_html(chooser(client))  # no thread, no comment


def test_the_chooser_is_for_facilitators_only(
    client, make_cycle, named_member, policymaker, say
):
    cycle = make_cycle()
    comment = say(named_member, cycle, QUOTED)
    for user in (named_member, policymaker):
        client.force_login(user)
        response = chooser(client, thread=cycle.pk)
        assert response.status_code in (302, 403)
        assert QUOTED not in response.content.decode()
        chosen = client.get(reverse("comment_chooser:chosen", args=[comment.pk]))
        assert chosen.status_code in (302, 403)


def test_the_editor_offers_the_chooser_for_this_cycles_thread(
    client, make_cycle, facilitator, named_member, say
):
    cycle = make_cycle()
    comment = say(named_member, cycle, QUOTED)
    client.force_login(facilitator)
    html = client.get(f"/admin/pages/{cycle.pk}/edit/").content.decode()
    assert f'<input type="hidden" id="id_quote_thread" value="{cycle.pk}">' in html
    assert "Citation d’un commentaire" in html or "Citation d\\u2019un" in html
    chosen = client.get(reverse("comment_chooser:chosen", args=[comment.pk])).json()
    assert chosen["result"]["id"] == str(comment.pk)
    assert QUOTED[:40] in chosen["result"]["title"]
