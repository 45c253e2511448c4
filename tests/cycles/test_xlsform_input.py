"""Real-world input to the questionnaire: XLSForm files built with openpyxl and the
editor's own checks. Nothing is mis-coded, nothing crashes, every refusal is clear."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from cycles.factories import CyclePageFactory, SurveyQuestionFactory
from cycles.models import SurveyQuestion, SurveyResponse
from cycles.selectors import questions_for_cycle
from tests.cycles.test_xlsform import workbook

pytestmark = pytest.mark.django_db

HEADER = ["type", "name", "label::French (fr)", "label::English (en)"]


@pytest.fixture
def empty_cycle(cycle_index, home_page_en):
    return CyclePageFactory(parent=cycle_index, step=3, slug="import", title="Import")


def import_file(cycle, path, *args) -> str:
    out = StringIO()
    with translation.override("fr"):
        call_command("import_xlsform", str(cycle.pk), str(path), *args, stdout=out)
    return out.getvalue()


# --- Choice labels and codes stay paired -------------------------------------------
def test_line_break_in_an_xlsform_choice_label_keeps_labels_and_codes_paired(
    client, empty_cycle, member, tmp_path
):
    path = workbook(
        tmp_path / "multiline.xlsx",
        [["select_one rank", "rank", "Rang", "Rank"]],
        header=HEADER,
        choices=[
            ["list_name", "name", "label::French (fr)", "label::English (en)"],
            ["rank", "first", "Première\nligne", "First\nline"],
            ["rank", "second", "Deuxième", "Second"],
            ["rank", "third", "Troisième", "Third"],
        ],
    )
    report = import_file(empty_cycle, path)
    assert "saut de ligne" in report and "first" in report
    with translation.override("fr"):
        (question,) = questions_for_cycle(empty_cycle)
    assert [(c.value, c.label) for c in question.choices] == [
        ("first", "Première ligne"),
        ("second", "Deuxième"),
        ("third", "Troisième"),
    ]
    with translation.override("en"):
        (english,) = questions_for_cycle(empty_cycle)
    assert english.choice_label("second") == "Second"

    empty_cycle.refresh_from_db()
    client.force_login(member)
    html = client.get(empty_cycle.url).content.decode()
    assert 'value="second"' in html
    label_of_second = html.split('value="second"')[1].split("</label>")[0]
    assert "Deuxième" in label_of_second
    client.post(
        empty_cycle.url,
        {"rank": "second", "draft": "1", "version": "0", "submission_token": "t"},
    )
    assert SurveyResponse.objects.get().answers == {"rank": "second"}


def test_whitespace_in_an_xlsform_choice_code_is_replaced_and_reported(
    empty_cycle, tmp_path
):
    path = workbook(
        tmp_path / "codes.xlsx",
        [["select_one l", "q", "Q", "Q"]],
        header=HEADER,
        choices=[
            ["list_name", "name", "label::French (fr)", "label::English (en)"],
            ["l", "late\norder", "Commande tardive", "Late order"],
            ["l", "transport", "Transport", "Transport"],
        ],
    )
    report = import_file(empty_cycle, path)
    assert "late_order" in report
    with translation.override("fr"):
        (question,) = questions_for_cycle(empty_cycle)
    assert [(c.value, c.label) for c in question.choices] == [
        ("late_order", "Commande tardive"),
        ("transport", "Transport"),
    ]


def test_single_choice_label_with_a_comma_stays_one_label(cycle_index):
    cycle = CyclePageFactory(parent=cycle_index, step=3)
    question = SurveyQuestionFactory(
        page=cycle,
        name="cause",
        field_type="single_choice",
        label="Cause",
        choices="Rupture, retard de livraison",
        choice_values="rupture",
    )
    assert [(c.value, c.label) for c in question.as_question().choices] == [
        ("rupture", "Rupture, retard de livraison")
    ]


def test_comma_short_form_typed_in_the_editor_still_gives_one_choice_each(
    cycle_index,
):
    cycle = CyclePageFactory(parent=cycle_index, step=3)
    question = SurveyQuestionFactory(
        page=cycle,
        name="often",
        field_type="single_choice",
        label="Souvent ?",
        choices="Jamais, Parfois, Souvent",
        choice_values="",
    )
    question.refresh_from_db()
    assert [(c.value, c.label) for c in question.as_question().choices] == [
        ("jamais", "Jamais"),
        ("parfois", "Parfois"),
        ("souvent", "Souvent"),
    ]


def test_translation_with_a_lost_choice_line_never_pairs_a_label_with_another_code(
    cycle, cycle_en
):
    english = SurveyQuestion.objects.get(page=cycle_en, name="cause")
    english.choices = "Late order"  # the translator dropped "Transport"
    english.save()
    with translation.override("en"):
        cause = {q.name: q for q in questions_for_cycle(cycle)}["cause"]
    labels = {c.value: c.label for c in cause.choices}
    assert labels.get("transport") != "Late order"
    assert set(labels) == {"transport", "late_order"}
