"""XLSForm import: good, partly unsupported and broken files, built here with openpyxl."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from cycles.factories import CyclePageFactory
from cycles.models import SurveyQuestion, SurveyResponse
from cycles.selectors import questions_for_cycle

pytestmark = pytest.mark.django_db

SURVEY_HEADER = [
    "type",
    "name",
    "label::French (fr)",
    "label::English (en)",
    "hint::French (fr)",
    "hint::English (en)",
    "required",
    "constraint",
    "relevant",
    "calculation",
]
GOOD_SURVEY = [
    ["begin group", "stocks", "Stocks", "Stocks EN", "", "", "", "", "", ""],
    [
        "integer",
        "stock_outs",
        "Nombre de ruptures",
        "Number of stock-outs",
        "Au dernier trimestre",
        "Last quarter",
        "yes",
        ". >= 0 and . <= 90",
        "",
        "",
    ],
    [
        "select_one yes_no",
        "had_plan",
        "Plan de contingence ?",
        "Contingency plan?",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "select_multiple causes",
        "causes",
        "Causes",
        "Causes",
        "",
        "",
        "",
        "",
        "${had_plan} = 'no'",
        "",
    ],
    [
        "text",
        "details",
        "Précisions",
        "Details",
        "",
        "",
        "",
        "",
        "selected(${causes}, 'transport')",
        "",
    ],
    ["end group", "", "", "", "", "", "", "", "", ""],
    [
        "decimal",
        "coverage",
        "Couverture (%)",
        "Coverage (%)",
        "",
        "",
        "",
        ". < 100",
        "",
        "",
    ],
    [
        "date",
        "last_delivery",
        "Dernière livraison",
        "Last delivery",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["note", "thanks", "Merci !", "Thank you!", "", "", "", "", "", ""],
]
CHOICES = [
    ["list_name", "name", "label::French (fr)", "label::English (en)"],
    ["yes_no", "yes", "Oui", "Yes"],
    ["yes_no", "no", "Non", "No"],
    ["causes", "transport", "Transport", "Transport"],
    ["causes", "late_order", "Commande tardive", "Late order"],
]


def workbook(path, survey_rows, header=SURVEY_HEADER, choices=CHOICES, sheets=None):
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(header)
    for row in survey_rows:
        sheet.append(row)
    if choices:
        choice_sheet = book.create_sheet("choices")
        for row in choices:
            choice_sheet.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "default_language"])
    settings.append(["Ruptures", "French (fr)"])
    if sheets is not None:
        for name in list(book.sheetnames):
            if name not in sheets:
                del book[name]
    book.save(path)
    return str(path)


@pytest.fixture
def empty_cycle(cycle_index, home_page_en):
    return CyclePageFactory(parent=cycle_index, step=2, slug="import", title="Import")


def test_good_file_imports_french_and_english_labels(empty_cycle, tmp_path):
    path = workbook(tmp_path / "good.xlsx", GOOD_SURVEY)
    call_command("import_xlsform", "import", path)
    with translation.override("fr"):
        questions = {q.name: q for q in questions_for_cycle(empty_cycle)}
    assert list(questions) == [
        "stocks",
        "stock_outs",
        "had_plan",
        "causes",
        "details",
        "coverage",
        "last_delivery",
        "thanks",
    ]
    assert questions["stocks"].kind == "heading"
    stock_outs = questions["stock_outs"]
    assert (stock_outs.kind, stock_outs.required) == ("number", True)
    assert (stock_outs.min_value, stock_outs.max_value) == (0, 90)
    assert stock_outs.help_text == "Au dernier trimestre"
    assert questions["had_plan"].kind == "yes_no"
    assert questions["causes"].kind == "multiple_choice"
    assert [c.label for c in questions["causes"].choices] == [
        "Transport",
        "Commande tardive",
    ]
    assert (
        questions["causes"].condition_name,
        questions["causes"].condition_value,
    ) == ("had_plan", "no")
    assert questions["details"].condition_value == "transport"
    assert questions["coverage"].max_value == 100
    assert questions["thanks"].kind == "note"
    with translation.override("en"):
        english = {q.name: q for q in questions_for_cycle(empty_cycle)}
    assert english["stock_outs"].label == "Number of stock-outs"
    assert english["stock_outs"].help_text == "Last quarter"
    assert [c.value for c in english["causes"].choices] == ["transport", "late_order"]
    assert english["causes"].choices[1].label == "Late order"


def test_plain_label_column_and_short_language_columns(empty_cycle, tmp_path):
    path = workbook(
        tmp_path / "plain.xlsx",
        [["text", "district_comment", "Commentaire du district", "District comment"]],
        header=["type", "name", "label::fr", "label::en"],
        choices=None,
    )
    call_command("import_xlsform", str(empty_cycle.pk), path)
    with translation.override("en"):
        assert questions_for_cycle(empty_cycle)[0].label == "District comment"
    path = workbook(
        tmp_path / "plain2.xlsx",
        [["text", "q", "Question unique"]],
        header=["type", "name", "label"],
        choices=None,
    )
    call_command("import_xlsform", "import", path)
    assert (
        SurveyQuestion.objects.filter(page=empty_cycle).get().label == "Question unique"
    )


def test_unsupported_rows_are_skipped_and_reported_with_row_numbers(
    empty_cycle, tmp_path
):
    rows = [
        ["text", "name_ok", "Nom", "Name", "", "", "", "", "", ""],
        ["geopoint", "where", "Lieu", "Place", "", "", "", "", "", ""],
        ["image", "photo", "Photo", "Photo", "", "", "", "", "", ""],
        ["calculate", "total", "", "", "", "", "", "", "", "1 + 1"],
        ["begin repeat", "visits", "Visites", "Visits", "", "", "", "", "", ""],
        ["text", "visit_note", "Note", "Note", "", "", "", "", "", ""],
        ["end repeat", "", "", "", "", "", "", "", "", ""],
        ["integer", "weird", "Bizarre", "Weird", "", "", "", "regex(., '^1')", "", ""],
    ]
    path = workbook(tmp_path / "partial.xlsx", rows)
    from io import StringIO

    out = StringIO()
    with translation.override("fr"):
        call_command("import_xlsform", "import", path, stdout=out)
    text = out.getvalue()
    assert "2 questions" in text or "2 question" in text
    assert "where" in text and "3" in text  # geopoint on spreadsheet row 3
    for name, row in [("where", 3), ("photo", 4), ("total", 5), ("visits", 6)]:
        assert f"{row} ({name})" in text, text
    assert "weird" in text  # constraint not understood: noted, question kept
    assert set(
        SurveyQuestion.objects.filter(page=empty_cycle).values_list("name", flat=True)
    ) == {"name_ok", "weird"}


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("no_survey", "XLSForm"),
        ("duplicate", "duplicate"),
        ("unknown_list", "unknown_list"),
        ("not_excel", "XLSForm"),
    ],
)
def test_broken_files_are_refused_and_change_nothing(
    empty_cycle, tmp_path, case, message
):
    call_command(
        "import_xlsform", "import", workbook(tmp_path / "ok.xlsx", GOOD_SURVEY)
    )
    before = list(SurveyQuestion.objects.order_by("id").values_list("id", "label"))
    if case == "no_survey":
        path = workbook(tmp_path / "b.xlsx", GOOD_SURVEY, sheets=["choices"])
    elif case == "duplicate":
        path = workbook(
            tmp_path / "b.xlsx",
            [["text", "duplicate", "A", "A"], ["text", "duplicate", "B", "B"]],
            header=SURVEY_HEADER[:4],
        )
    elif case == "unknown_list":
        path = workbook(
            tmp_path / "b.xlsx",
            [["select_one unknown_list", "q", "Q", "Q"]],
            header=SURVEY_HEADER[:4],
        )
    else:
        path = tmp_path / "b.xlsx"
        path.write_bytes(b"not a spreadsheet at all")
    with pytest.raises(CommandError) as error:
        call_command("import_xlsform", "import", str(path))
    assert message.lower() in str(error.value).lower()
    assert "Traceback" not in str(error.value)
    assert (
        list(SurveyQuestion.objects.order_by("id").values_list("id", "label")) == before
    )


def test_import_refused_when_answers_exist_unless_forced(
    empty_cycle, district, tmp_path
):
    SurveyResponse.objects.create(
        cycle=empty_cycle, district=district, answers={"x": 1}
    )
    path = workbook(tmp_path / "good.xlsx", GOOD_SURVEY)
    with pytest.raises(CommandError, match="--force"):
        call_command("import_xlsform", "import", path)
    assert not SurveyQuestion.objects.filter(page=empty_cycle).exists()
    call_command("import_xlsform", "import", path, "--force")
    assert SurveyQuestion.objects.filter(page=empty_cycle).count() == 8


def test_unknown_cycle_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="nope"):
        call_command("import_xlsform", "nope", str(tmp_path / "x.xlsx"))


def test_editor_upload_for_facilitators_only(
    client, empty_cycle, facilitator, member, tmp_path
):
    url = f"/admin/cycles/{empty_cycle.pk}/import-xlsform/"
    path = workbook(tmp_path / "good.xlsx", GOOD_SURVEY)
    client.force_login(member)
    assert client.get(url).status_code in (302, 403)
    client.force_login(facilitator)
    edit = client.get(f"/admin/pages/{empty_cycle.pk}/edit/")
    assert url in edit.content.decode()
    with open(path, "rb") as handle:
        upload = SimpleUploadedFile("good.xlsx", handle.read())
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    assert "8" in response.content.decode()
    assert SurveyQuestion.objects.filter(page=empty_cycle).count() == 8
    broken = SimpleUploadedFile("broken.xlsx", b"garbage")
    response = client.post(url, {"file": broken})
    assert (
        "Rien n’a été modifié" in response.content.decode()
        or "Nothing was changed" in response.content.decode()
    )
