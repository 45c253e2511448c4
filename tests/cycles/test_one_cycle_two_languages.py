"""Issue 12: one cycle in French and English — decisions made on the French (source)
page hold on the English page at once, and no save erases answers it did not show."""

import datetime as dt
import json

import pytest
from wagtail_localize.models import Translation, TranslationSource

from cycles.factories import SurveyQuestionFactory
from cycles.models import CyclePage, SurveyResponse
from cycles.translation import QuestionText, translate_cycle

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return CyclePage.objects.get(pk=page.pk)


def add_french_question(cycle, name="point_focal", label="Point focal vaccination"):
    SurveyQuestionFactory(
        page=cycle, name=name, field_type="text", label=label, sort_order=50
    )
    return publish(cycle)


# --- Answers erased across languages -------------------------------------------------
def test_a_question_added_in_french_reaches_the_english_form(
    client, cycle, cycle_en, member
):
    add_french_question(cycle)
    client.force_login(member)
    html = client.get(cycle_en.url).content.decode()
    # The new question is on the English form (in French until it is translated).
    assert 'data-question="point_focal"' in html
    assert "Point focal vaccination" in html


def test_english_draft_keeps_the_answers_typed_in_french(
    client, cycle, cycle_en, member, teammate
):
    """The observed sequence: a French question answered in French, then a teammate's
    draft on the English page — {"chw_count":130} must not replace the whole set."""
    add_french_question(cycle)
    add_french_question(cycle, name="frequence", label="Fréquence des réunions")
    client.force_login(member)
    client.post(
        cycle.url,
        {
            "stock_outs": "12",
            "point_focal": "Mme Diallo",
            "frequence": "mensuelle",
            "draft": "1",
            "version": "0",
        },
    )
    stored = SurveyResponse.objects.get()
    assert stored.answers["point_focal"] == "Mme Diallo"

    client.force_login(teammate)
    # An English page loaded before the French questions existed sends only what it
    # showed (no-JS form: the hidden "shown" field; script: the "shown" list).
    client.post(
        cycle_en.url,
        {"stock_outs": "13", "draft": "1", "version": "1", "shown": "stock_outs"},
    )
    client.post(
        cycle_en.url + "draft/",
        data=json.dumps(
            {"answers": {"stock_outs": 14}, "version": 2, "shown": ["stock_outs"]}
        ),
        content_type="application/json",
    )
    stored.refresh_from_db()
    assert stored.answers == {
        "stock_outs": 14,
        "point_focal": "Mme Diallo",
        "frequence": "mensuelle",
    }


def test_english_submit_from_the_full_form_changes_only_what_it_showed(
    client, cycle, cycle_en, member, teammate
):
    add_french_question(cycle)
    client.force_login(member)
    client.post(
        cycle.url,
        {"stock_outs": "3", "point_focal": "M. Bah", "draft": "1", "version": "0"},
    )
    client.force_login(teammate)
    html = client.get(cycle_en.url).content.decode()
    assert 'value="M. Bah"' in html  # the English form shows the French answer
    client.post(
        cycle_en.url,
        {
            "stock_outs": "4",
            "had_stock_out": "no",
            "point_focal": "M. Bah",
            "submit": "1",
            "version": "1",
            "submission_token": "t-en",
        },
    )
    stored = SurveyResponse.objects.get()
    assert stored.is_submitted
    assert stored.answers["point_focal"] == "M. Bah"
    assert stored.answers["stock_outs"] == 4


# --- Decisions stay in one language ---------------------------------------------------
def test_a_step_override_on_the_french_page_holds_on_the_english_page(cycle, cycle_en):
    assert cycle_en.answers_are_open
    cycle.step_override = 4
    publish(cycle)
    english = CyclePage.objects.get(pk=cycle_en.pk)
    assert english.current_step == 4
    assert not english.answers_are_open


def test_results_published_on_the_french_page_are_published_in_english(
    client, cycle, cycle_en, member
):
    client.force_login(member)
    english = CyclePage.objects.get(pk=cycle_en.pk)
    assert not english.results_visible_to(member)
    cycle.results_published = True
    cycle.results_display_mode = "pseudonyms"
    publish(cycle)
    english = CyclePage.objects.get(pk=cycle_en.pk)
    assert english.results_visible_to(member)
    assert english.results_display_mode == "pseudonyms"
    # The column agrees too, for SQL filters (copied on the source's publication).
    assert CyclePage.objects.filter(pk=cycle_en.pk, results_published=True).exists()


def test_an_english_edit_cannot_change_the_cycle_dates(cycle, cycle_en):
    english = CyclePage.objects.get(pk=cycle_en.pk)
    english.answers_close = dt.date(2000, 1, 1)
    english.save_revision().publish()
    assert CyclePage.objects.get(pk=cycle_en.pk).answers_close == cycle.answers_close


def test_the_english_questionnaire_keeps_the_source_structure(cycle, cycle_en):
    french_cause = cycle.questions.get(name="cause")
    french_cause.required = False
    french_cause.save()
    english_cause = cycle_en.questions.get(name="cause")
    english_cause.required = True
    english_cause.choice_values = "oops\nwrong"
    english_cause.save()
    rows = {
        row.name: row for row in CyclePage.objects.get(pk=cycle_en.pk).get_form_fields()
    }
    assert rows["cause"].required is False
    assert [c.value for c in rows["cause"].as_question().choices] == [
        "transport",
        "late_order",
    ]
    assert [c.label for c in rows["cause"].as_question().choices] == [
        "Transport",
        "Late order",
    ]


# --- wagtail-localize manages the translation ------------------------------------------
def test_a_translated_cycle_is_syncable_through_wagtail_localize(cycle, cycle_en):
    source = TranslationSource.objects.get(object_id=cycle.translation_key)
    assert source.locale.language_code == "fr"
    translation = Translation.objects.get(source=source, target_locale=cycle_en.locale)
    assert translation.get_target_instance().pk == cycle_en.pk
    # Syncing after a French edit carries the new question and keeps the English texts.
    add_french_question(cycle)
    source.update_from_db()
    source.create_or_update_translation(cycle_en.locale, fallback=True, publish=False)
    english = CyclePage.objects.get(pk=cycle_en.pk)
    names = list(english.questions.values_list("name", flat=True))
    assert "point_focal" in names
    assert english.questions.get(name="stock_outs").label == "Number of stock-outs"


def test_a_question_translated_later_shows_its_english_label(
    client, cycle, cycle_en, member
):
    add_french_question(cycle)
    translate_cycle(
        cycle, "en", texts={"point_focal": QuestionText("Vaccination focal point")}
    )
    client.force_login(member)
    html = client.get(cycle_en.url).content.decode()
    assert "Vaccination focal point" in html
    assert "Number of stock-outs" in html


def test_anonymous_readers_of_member_only_results_are_told_to_log_in(client, cycle):
    """Seen by QA: anonymous readers were told published results were "not
    published yet"."""
    cycle.results_published = True
    publish(cycle)
    html = client.get(cycle.url).content.decode()
    assert "pas encore publiés" not in html
    assert "Les résultats sont réservés aux membres des équipes de district" in html
    assert "/fr/login/?next=" in html
