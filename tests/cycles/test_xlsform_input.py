"""Real-world input to the questionnaire: XLSForm files built with openpyxl and the
editor's own checks. Nothing is mis-coded, nothing crashes, every refusal is clear."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from cycles.factories import CyclePageFactory, SurveyQuestionFactory
from cycles.models import SurveyQuestion, SurveyResponse
from cycles.selectors import questions_for_cycle
from tests.cycles.editor import add_question, edit_form, post_edit
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


# --- The editor refuses clearly, never crashes ---------------------------------------
@pytest.fixture
def editor(client, facilitator):
    client.force_login(facilitator)
    return client


def editor_errors(response) -> str:
    import re

    html = response.content.decode()
    return " ".join(
        re.sub(r"<[^>]+>", " ", found)
        for found in re.findall(r'class="error-message"[^>]*>(.*?)</p>', html, re.S)
    )


def test_editor_accepts_two_new_questions_with_empty_stable_names(editor, cycle):
    data = edit_form(editor, cycle)
    add_question(data, label="Délai de livraison", name="")
    add_question(data, label="Personne responsable", name="")
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 302, editor_errors(response)
    names = set(
        SurveyQuestion.objects.filter(page=cycle).values_list("name", flat=True)
    )
    assert {"delai_de_livraison", "personne_responsable"} <= names


def test_editor_refuses_two_questions_that_would_get_the_same_stable_name(
    editor, cycle
):
    data = edit_form(editor, cycle)
    add_question(data, label="Commentaire libre", name="")
    add_question(data, label="Commentaire libre", name="")
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 200
    assert "commentaire_libre" in editor_errors(response)
    assert "deux questions" in editor_errors(response).lower()


def test_editor_refuses_a_condition_on_a_question_that_does_not_exist(editor, cycle):
    data = edit_form(editor, cycle)
    add_question(
        data,
        label="Pourquoi ?",
        name="why",
        condition_name="no_such_question",
        condition_value="yes",
    )
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 200
    assert "no_such_question" in editor_errors(response)
    assert not SurveyQuestion.objects.filter(page=cycle, name="why").exists()


def test_editor_accepts_a_label_over_255_characters(editor, cycle):
    data = edit_form(editor, cycle)
    long_label = ("Combien de ruptures de stock " + "très longues, " * 40)[:480]
    add_question(data, label=long_label, name="long_one")
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 302, editor_errors(response)
    stored = SurveyQuestion.objects.get(page=cycle, name="long_one")
    assert stored.label == long_label.strip()
    assert len(stored.clean_name) <= 255


def test_editor_refuses_a_label_over_500_characters_clearly(editor, cycle):
    data = edit_form(editor, cycle)
    add_question(data, label="x" * 501, name="too_long")
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 200
    assert "500" in editor_errors(response)


# --- The XLSForm import refuses clearly, never crashes -------------------------------
def import_error(cycle, path, *args) -> str:
    from django.core.management import CommandError

    with pytest.raises(CommandError) as error:
        import_file(cycle, path, *args)
    return str(error.value)


def test_xlsform_names_over_64_characters_differing_after_64_are_refused_with_the_row(
    empty_cycle, tmp_path
):
    prefix = "nombre_de_ruptures_de_stock_de_vaccins_pentavalents_au_dernier_t"
    assert len(prefix) == 64
    path = workbook(
        tmp_path / "long.xlsx",
        [["integer", prefix + "_a", "A", "A"], ["integer", prefix + "_b", "B", "B"]],
        header=HEADER,
    )
    message = import_error(empty_cycle, path)
    assert "Ligne 2" in message and "64" in message
    assert not SurveyQuestion.objects.filter(page=empty_cycle).exists()


def test_xlsform_label_over_500_characters_is_shortened_and_reported(
    empty_cycle, tmp_path
):
    label = "Combien de ruptures " + "de très longue durée " * 40
    path = workbook(
        tmp_path / "label.xlsx", [["integer", "q", label, "Q"]], header=HEADER
    )
    report = import_file(empty_cycle, path)
    assert "raccourci" in report
    stored = SurveyQuestion.objects.get(page=empty_cycle, locale__language_code="fr")
    assert stored.label == label[:500].strip()
    stored.full_clean()


def test_xlsform_names_with_capitals_hyphens_and_dots_import_and_the_page_publishes(
    editor, empty_cycle, tmp_path
):
    path = workbook(
        tmp_path / "names.xlsx",
        [
            ["text", "Nom_District", "Nom du district", "District name"],
            ["select_one yes_no", "q1-a", "Rupture ?", "Stock-out?"],
            ["text", "q1.b", "Pourquoi ?", "Why?", "", "", "", "", "${q1-a} = 'yes'"],
        ],
        header=[*HEADER, "hint", "hint::en", "required", "constraint", "relevant"],
    )
    report = import_file(empty_cycle, path)
    assert "nom_district" in report and "q1_a" in report and "q1_b" in report
    with translation.override("fr"):
        questions = {q.name: q for q in questions_for_cycle(empty_cycle)}
    assert list(questions) == ["nom_district", "q1_a", "q1_b"]
    assert questions["q1_b"].condition_name == "q1_a"
    response = post_edit(editor, empty_cycle, edit_form(editor, empty_cycle), True)
    assert response.status_code == 302, editor_errors(response)


def test_xlsform_names_that_become_the_same_are_refused_with_both_rows(
    empty_cycle, tmp_path
):
    path = workbook(
        tmp_path / "same.xlsx",
        [["text", "q1-a", "A", "A"], ["text", "q1_a", "B", "B"]],
        header=HEADER,
    )
    message = import_error(empty_cycle, path)
    assert "Lignes 2 et 3" in message and "q1_a" in message


def test_pyxform_reasons_are_said_in_french_with_the_row(empty_cycle, tmp_path):
    path = workbook(
        tmp_path / "dup.xlsx",
        [["text", "twice", "A", "A"], ["text", "twice", "B", "B"]],
        header=HEADER,
    )
    message = import_error(empty_cycle, path)
    assert "ligne 3 de la feuille «\u00a0survey\u00a0»" in message
    assert "utilisé deux fois" in message
    assert "On the 'survey' sheet" not in message


def test_import_is_refused_while_the_page_has_unpublished_changes(
    empty_cycle, tmp_path
):
    from cycles.models import CyclePage

    draft = CyclePage.objects.get(pk=empty_cycle.pk)
    draft.title = "Titre modifié, pas encore publié"
    draft.save_revision()
    path = workbook(tmp_path / "q.xlsx", [["text", "q", "Q", "Q"]], header=HEADER)
    message = import_error(empty_cycle, path)
    assert "pas encore publiées" in message
    latest = CyclePage.objects.get(pk=empty_cycle.pk).get_latest_revision_as_object()
    assert latest.title == "Titre modifié, pas encore publié"
    assert not SurveyQuestion.objects.filter(page=empty_cycle).exists()


def test_import_into_a_never_published_page_keeps_its_draft_edits(
    cycle_index, home_page_en, tmp_path
):
    from cycles.models import CyclePage

    cycle = CyclePageFactory(parent=cycle_index, step=2, slug="brouillon", live=False)
    draft = CyclePage.objects.get(pk=cycle.pk)
    draft.summary = "Résumé tapé dans le brouillon"
    draft.save_revision()
    path = workbook(tmp_path / "q.xlsx", [["text", "q", "Q", "Q"]], header=HEADER)
    import_file(cycle, path)
    latest = CyclePage.objects.get(pk=cycle.pk).get_latest_revision_as_object()
    assert latest.summary == "Résumé tapé dans le brouillon"
    assert [q.name for q in latest.questions.all()] == ["q"]


def test_editor_offers_replace_anyway_rather_than_a_command_line_flag(
    editor, empty_cycle, district, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    SurveyResponse.objects.create(cycle=empty_cycle, district=district, answers={})
    url = f"/admin/cycles/{empty_cycle.pk}/import-xlsform/"
    path = workbook(tmp_path / "q.xlsx", [["text", "q", "Q", "Q"]], header=HEADER)

    def upload(**extra):
        with open(path, "rb") as handle:
            data = {"file": SimpleUploadedFile("q.xlsx", handle.read()), **extra}
        return editor.post(url, data, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    html = upload()
    assert "--force" not in html
    assert "Remplacer quand même le questionnaire" in html
    assert not SurveyQuestion.objects.filter(page=empty_cycle).exists()
    upload(force="on")
    assert SurveyQuestion.objects.filter(page=empty_cycle).exists()


def test_editor_refuses_a_condition_on_an_answer_the_question_does_not_offer(
    editor, cycle
):
    data = edit_form(editor, cycle)
    add_question(
        data,
        label="Laquelle ?",
        name="which",
        condition_name="cause",
        condition_value="weather",  # cause offers transport or late_order
    )
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 200
    errors = editor_errors(response)
    assert "weather" in errors and "transport, late_order" in errors


def test_editor_refuses_a_question_conditioned_on_itself(editor, cycle):
    data = edit_form(editor, cycle)
    add_question(
        data,
        label="Encore ?",
        name="again",
        condition_name="again",
        condition_value="x",
    )
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 200
    assert "again" in editor_errors(response)


def test_editor_accepts_a_condition_on_a_comma_typed_choice(editor, cycle):
    data = edit_form(editor, cycle)
    add_question(
        data,
        field_type="single_choice",
        label="Fréquence",
        name="frequency",
        choices="Jamais, Parfois",
    )
    add_question(
        data,
        label="Pourquoi parfois ?",
        name="why_sometimes",
        condition_name="frequency",
        condition_value="parfois",
    )
    response = post_edit(editor, cycle, data, publish=True)
    assert response.status_code == 302, editor_errors(response)


def test_xlsform_condition_on_an_answer_not_offered_is_reported_and_not_kept(
    empty_cycle, tmp_path
):
    path = workbook(
        tmp_path / "cond.xlsx",
        [
            ["select_one yes_no", "had", "Rupture ?", "Stock-out?"],
            ["text", "why", "Pourquoi ?", "Why?", "", "", "", "", "${had} = 'oui'"],
        ],
        header=[*HEADER, "hint", "hint::en", "required", "constraint", "relevant"],
    )
    report = import_file(empty_cycle, path)
    assert "oui" in report and "toujours affichée" in report
    fields = SurveyQuestion.objects.filter(page=empty_cycle, locale__language_code="fr")
    assert not fields.exclude(condition_name="").exists()


def test_xlsform_condition_on_a_name_no_question_has_is_refused_in_french(
    empty_cycle, tmp_path
):
    path = workbook(
        tmp_path / "cond.xlsx",
        [["text", "who", "Qui ?", "Who?", "", "", "", "", "${nobody} = 'yes'"]],
        header=[*HEADER, "hint", "hint::en", "required", "constraint", "relevant"],
    )
    message = import_error(empty_cycle, path)
    assert "ligne 2" in message and "nobody" in message
    assert "en anglais" not in message
