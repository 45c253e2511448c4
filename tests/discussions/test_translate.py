"""'Translate': comments and syntheses in the reader's language, through the
wagtail-localize LibreTranslate client, against a local LibreTranslate."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from discussions.models import MachineTranslation
from discussions.services import edit_comment, hide
from tests.discussions.libretranslate_server import LibreTranslate

pytestmark = pytest.mark.django_db
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"


@pytest.fixture
def libretranslate(settings):
    with LibreTranslate() as server:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {"LIBRETRANSLATE_URL": server.url, "API_KEY": "lt-test-key"},
        }
        yield server


@pytest.fixture
def forum_en(forum, locales, home_page_en):
    english = forum.copy_for_translation(locales["en"])
    english.title = "Forum"
    english.save_revision().publish()
    english.refresh_from_db()
    return english.specific


@pytest.fixture
def french_comment(client, forum, member, say):
    return say(member, forum, "Nos revues ont lieu chaque mois.")


def _url(name, pk, language="en"):
    with translation.override(language):
        return reverse(f"discussions:{name}", args=[pk])


def _translate(client, comment, language="en", **headers):
    return client.post(
        _url("translate", comment.pk, language), {"next": "/en/forum/"}, **headers
    )


def test_a_french_comment_on_the_english_page_offers_translate(
    client, libretranslate, forum_en, french_comment, other_member, say
):
    say(other_member, forum_en, "Our reviews happen monthly.")
    client.force_login(other_member)
    html = client.get(forum_en.url).content.decode()
    assert html.count(_url("translate", french_comment.pk)) == 1
    assert html.count("/translate/") == 1  # not the English comment
    assert "js/translate.js" in html


def test_translate_without_javascript_shows_it_marked_with_the_original(
    client, libretranslate, forum_en, french_comment, other_member
):
    client.force_login(other_member)
    response = _translate(client, french_comment)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Our reviews happen every month." in html
    assert "Machine translation from French (LibreTranslate)" in html
    assert "Nos revues ont lieu chaque mois." in html  # the original
    assert f'href="/en/forum/#c{french_comment.pk}"' in html
    (sent,) = libretranslate.requests
    assert sent == {
        "q": ["<p>Nos revues ont lieu chaque mois.</p>"],
        "source": "fr",
        "target": "en",
        "api_key": "lt-test-key",
        "format": "html",
    }


def test_a_translation_is_asked_once_and_again_after_an_edit(
    client, libretranslate, forum_en, french_comment, member, other_member
):
    client.force_login(other_member)
    _translate(client, french_comment)
    _translate(client, french_comment)
    assert len(libretranslate.requests) == 1
    assert MachineTranslation.objects.filter(comment=french_comment).count() == 1
    edit_comment(member, french_comment, "Nos revues ont lieu chaque semaine.")
    html = _translate(client, french_comment).content.decode()
    assert "chaque semaine" in html and len(libretranslate.requests) == 2


def test_with_javascript_the_translation_comes_as_json(
    client, libretranslate, forum_en, french_comment, other_member
):
    client.force_login(other_member)
    response = _translate(client, french_comment, HTTP_ACCEPT="application/json")
    data = json.loads(response.content)
    assert data["ok"] is True
    assert "Our reviews happen every month." in data["html"]
    assert "data-show-original" in data["html"]


def test_the_translated_html_is_cleaned(
    client, libretranslate, forum_en, french_comment, other_member
):
    libretranslate.answer = {
        "translatedText": ['<p onclick="x()">Hi<script>alert(1)</script></p>']
    }
    client.force_login(other_member)
    html = _translate(client, french_comment).content.decode()
    assert "<p>Hi</p>" in html
    assert "alert(1)" not in html and "onclick" not in html


@pytest.mark.parametrize("status", [500, 429, 403])
def test_a_translator_error_is_a_clear_message_and_the_page_still_works(
    client, libretranslate, forum_en, french_comment, other_member, status
):
    libretranslate.fail_with = status
    client.force_login(other_member)
    response = _translate(client, french_comment)
    assert response.status_code == 502
    html = response.content.decode()
    assert "The translation service did not answer. Try again later." in html
    assert "Nos revues ont lieu chaque mois." in html
    assert not MachineTranslation.objects.exists()
    assert client.get(forum_en.url).status_code == 200


def test_an_odd_answer_and_a_server_down_are_clear_messages_in_french(
    client, libretranslate, forum_en, french_comment, other_member, say, settings
):
    english = say(other_member, forum_en, "Our reviews happen monthly.")
    client.force_login(french_comment.user)
    libretranslate.answer = {"unexpected": True}
    response = _translate(client, english, "fr", HTTP_ACCEPT="application/json")
    assert response.status_code == 502
    assert (
        "Le service de traduction n’a pas répondu"
        in json.loads(response.content)["html"]
    )
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["LIBRETRANSLATE_URL"] = (
        "http://127.0.0.1:9"  # nothing listens there
    )
    response = _translate(client, english, "fr")
    assert response.status_code == 502
    assert "Le service de traduction n’a pas répondu" in response.content.decode()


def test_no_translator_no_button(
    client, settings, forum_en, french_comment, other_member
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    client.force_login(other_member)
    assert "/translate/" not in client.get(forum_en.url).content.decode()
    assert _translate(client, french_comment).status_code == 404


def test_anonymous_readers_get_no_button_and_cannot_post(
    client, libretranslate, forum_en, french_comment
):
    assert "/translate/" not in client.get(forum_en.url).content.decode()
    assert _translate(client, french_comment).status_code == 302  # to log in
    assert libretranslate.requests == []


def test_a_hidden_comment_is_not_translated(
    client, libretranslate, forum_en, french_comment, other_member, facilitator
):
    hide(facilitator, french_comment, "Hors sujet")
    client.force_login(other_member)
    assert _translate(client, french_comment).status_code == 404
    assert libretranslate.requests == []


def test_a_reader_kept_out_of_a_private_page_cannot_translate(
    client, libretranslate, forum, forum_en, french_comment, other_member
):
    restriction = PageViewRestriction.objects.create(
        page=forum, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Comité restreint"))
    client.force_login(other_member)
    assert _translate(client, french_comment).status_code == 404
    assert libretranslate.requests == []


def test_the_form_needs_its_csrf_token(
    libretranslate, forum_en, french_comment, other_member
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(other_member)
    assert _translate(client, french_comment).status_code == 403


def test_translations_are_rate_limited_per_reader(
    client, settings, libretranslate, forum_en, french_comment, other_member
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "translate": "2/m"}
    client.force_login(other_member)
    assert _translate(client, french_comment).status_code == 200
    assert _translate(client, french_comment).status_code == 200
    response = _translate(client, french_comment, HTTP_ACCEPT="application/json")
    assert response.status_code == 429
    assert "Wait a minute" in json.loads(response.content)["message"]


def test_the_french_synthesis_on_the_english_cycle_page_can_be_translated(
    client, libretranslate, make_cycle, member, home_page_en
):
    from cycles.translation import translate_cycle

    cycle = make_cycle(step=5)
    english = translate_cycle(cycle, "en", {"title": "Vaccines", "slug": "vaccines"})
    cycle.synthesis = "<p>Leçon clé : anticiper les commandes.</p>"
    cycle.save_revision().publish()  # not translated yet: English readers get it in French
    client.force_login(member)
    action = _url("translate_synthesis", english.pk)
    assert action in client.get(english.url).content.decode()
    assert "translate-synthesis" not in client.get(cycle.url).content.decode()
    response = client.post(action, {"next": english.url})
    html = response.content.decode()
    assert response.status_code == 200
    assert "[en] <p>Leçon clé : anticiper les commandes.</p>" in html
    assert f'href="{english.url}#synthesis"' in html
    assert libretranslate.requests[0]["source"] == "fr"
    french_action = _url("translate_synthesis", cycle.pk, "fr")
    assert client.post(french_action).status_code == 404  # already in French


def test_a_slow_or_down_translator_is_recorded_for_the_facilitators(
    client, libretranslate, settings, forum_en, french_comment, other_member
):
    """A timeout is the reader's clear message (never a 500), and a row under the
    admin's "Delivery problems" with the translator's name and the error."""
    from discussions.models import ChannelFailure

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["TIMEOUT"] = 0.2
    libretranslate.delay = 1
    client.force_login(other_member)
    response = _translate(client, french_comment)
    assert response.status_code == 502
    assert "The translation service did not answer" in response.content.decode()
    (failure,) = ChannelFailure.objects.all()
    assert (failure.channel, failure.reason) == ("translation", "translator-down")
    assert failure.detail.startswith("LibreTranslate: ReadTimeout")
    assert client.get(forum_en.url).status_code == 200
