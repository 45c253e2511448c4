"""Import an XLSForm (survey, choices and settings sheets) into a cycle's questionnaire.

pyxform parses and validates the workbook (no survey sheet, duplicate names, unknown
choice lists are refused); each supported question becomes a `SurveyQuestion` with
the XLSForm `name` as its stable name. French labels go to the cycle's source page,
English labels to its English translation. Unsupported rows are skipped and listed
with their row numbers. Any failure raises `XLSFormError` and changes nothing.
"""

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from cycles.models import CyclePage, SurveyQuestion
from cycles.questionnaire import QuestionKind
from cycles.selectors import canonical_cycle, has_answers
from cycles.translation import QuestionText, ensure_translation, sync_questions

SUPPORTED_TYPES = {
    "text": QuestionKind.TEXT,
    "integer": QuestionKind.NUMBER,
    "decimal": QuestionKind.NUMBER,
    "select one": QuestionKind.SINGLE_CHOICE,
    "select all that apply": QuestionKind.MULTIPLE_CHOICE,
    "date": QuestionKind.DATE,
    "note": QuestionKind.NOTE,
}
TRUE_VALUES = {"yes", "true", "true()", "1", "y"}
RELEVANT_EQUALS = re.compile(r"^\s*\$\{(\w+)\}\s*=\s*'([^']*)'\s*$")
RELEVANT_SELECTED = re.compile(r"^\s*selected\(\s*\$\{(\w+)\}\s*,\s*'([^']*)'\s*\)\s*$")
BOUND = re.compile(r"^\s*\.\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


class XLSFormError(Exception):
    """The file cannot be imported; the message is translated and safe to show."""


@dataclass(frozen=True)
class SkippedRow:
    row: int | None
    name: str
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[SkippedRow] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


@dataclass
class ParsedQuestion:
    name: str
    kind: str
    row: int | None
    labels: dict[str, str]
    hints: dict[str, str]
    required: bool = False
    choices: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    min_value: float | None = None
    max_value: float | None = None
    condition_name: str = ""
    condition_value: str = ""


def language_code(key: str) -> str:
    """'French (fr)' → 'fr', 'fr' → 'fr', 'default' → ''."""
    found = re.search(r"\((\w{2,3})\)\s*$", key)
    if found:
        return found.group(1).lower()
    return key.lower() if re.fullmatch(r"\w{2,3}", key) else ""


def by_language(value, default_language: str = "") -> dict[str, str]:
    if not value:
        return {}
    if isinstance(value, str):
        return {"": value.strip()}
    texts = {}
    for key, text in value.items():
        code = language_code(key) or (
            language_code(default_language) if key == "default" else ""
        )
        texts[code] = str(text).strip()
    return texts


def text_in(texts: dict[str, str], code: str, fallback: str = "fr") -> str:
    for key in (code, "", fallback):
        if texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


def _row_numbers(path: Path) -> dict[str, int]:
    """Spreadsheet row of each question name (the survey sheet, header on row 1)."""
    if path.suffix.lower() != ".xlsx":
        return {}
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    sheet = next(
        (ws for ws in workbook.worksheets if ws.title.lower() == "survey"), None
    )
    if sheet is None:
        return {}
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell or "").strip().lower() for cell in next(rows, ())]
    if "name" not in header:
        return {}
    name_column = header.index("name")
    numbers = {}
    for number, row in enumerate(rows, start=2):
        if name_column < len(row) and row[name_column]:
            numbers.setdefault(str(row[name_column]).strip(), number)
    workbook.close()
    return numbers


def _parse_workbook(path: Path) -> dict:
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import parse_file_to_json

    if path.suffix.lower() not in (".xls", ".xlsx"):
        raise XLSFormError(_("Choose an .xls or .xlsx file."))
    try:
        return parse_file_to_json(str(path))
    except PyXFormError as exc:
        raise XLSFormError(
            _("This XLSForm cannot be imported: %(reason)s") % {"reason": exc}
        ) from exc
    except Exception as exc:  # a corrupt or foreign file: never a traceback
        raise XLSFormError(
            _("This file is not a readable XLSForm (%(kind)s).")
            % {"kind": type(exc).__name__}
        ) from exc


def _bounds(constraint: str) -> tuple[float | None, float | None, bool]:
    """(min, max, understood) from '. >= 0 and . <= 100'."""
    low = high = None
    for part in re.split(r"\s+and\s+", constraint.strip()):
        found = BOUND.match(part)
        if not found:
            return None, None, False
        operator, number = found.group(1), float(found.group(2))
        if operator in (">=", ">"):
            low = number
        else:
            high = number
    return low, high, True


def parse_questions(
    data: dict, rows: dict[str, int], report: ImportReport
) -> list[ParsedQuestion]:
    default_language = data.get("default_language", "")
    questions: list[ParsedQuestion] = []
    seen: set[str] = set()

    def skip(element, reason):
        name = element.get("name", "")
        report.skipped.append(SkippedRow(rows.get(name), name, reason))

    def walk(children):
        for element in children:
            kind, name = element.get("type", ""), element.get("name", "")
            if kind == "group" and element.get("control", {}).get("bodyless"):
                continue  # pyxform's own meta group (instanceID)
            if name in seen:
                raise XLSFormError(
                    _("The name “%(name)s” is used twice.") % {"name": name}
                )
            seen.add(name)
            if kind == "group":
                label = by_language(element.get("label"), default_language)
                if label:
                    questions.append(
                        ParsedQuestion(
                            name, QuestionKind.HEADING, rows.get(name), label, {}
                        )
                    )
                walk(element.get("children", []))
                continue
            if kind == "repeat":
                skip(
                    element,
                    _(
                        "repeat groups are not supported (row and its questions skipped)"
                    ),
                )
                continue
            if kind not in SUPPORTED_TYPES:
                skip(
                    element, _("the type “%(type)s” is not supported") % {"type": kind}
                )
                continue
            questions.append(
                parse_question(element, kind, rows, default_language, report)
            )

    walk(data.get("children", []))
    names = {q.name for q in questions}
    for question in questions:
        if question.condition_name and question.condition_name not in names:
            report.notes.append(
                SkippedRow(
                    question.row,
                    question.name,
                    _("condition on an unknown question ignored"),
                )
            )
            question.condition_name = question.condition_value = ""
    return questions


def parse_question(element, kind, rows, default_language, report) -> ParsedQuestion:
    name = element["name"]
    bind = element.get("bind", {})
    question = ParsedQuestion(
        name=name,
        kind=SUPPORTED_TYPES[kind],
        row=rows.get(name),
        labels=by_language(element.get("label"), default_language),
        hints=by_language(element.get("hint"), default_language),
        required=str(bind.get("required", "")).strip().lower() in TRUE_VALUES,
    )
    if kind in ("select one", "select all that apply"):
        question.choices = [
            _one_line_choice(question, choice, default_language, report)
            for choice in element.get("choices", [])
        ]
        if kind == "select one" and [v for v, _l in question.choices] == ["yes", "no"]:
            question.kind = QuestionKind.YES_NO
    constraint = bind.get("constraint", "")
    if constraint:
        low, high, understood = (
            _bounds(constraint)
            if kind in ("integer", "decimal")
            else (None, None, False)
        )
        if understood:
            question.min_value, question.max_value = low, high
        else:
            report.notes.append(
                SkippedRow(
                    question.row,
                    name,
                    _("constraint “%(constraint)s” not understood, ignored")
                    % {"constraint": constraint},
                )
            )
    relevant = bind.get("relevant", "")
    if relevant:
        found = RELEVANT_EQUALS.match(relevant) or RELEVANT_SELECTED.match(relevant)
        if found:
            question.condition_name, question.condition_value = found.groups()
        else:
            report.notes.append(
                SkippedRow(
                    question.row,
                    name,
                    _("condition “%(relevant)s” not supported, question always shown")
                    % {"relevant": relevant},
                )
            )
    return question


def _one_line_choice(question, choice, default_language, report):
    """A choice's code and labels, each on one line: choices are stored one per line,
    so a line break inside a label would shift every label after it onto the next
    code. A line break becomes a space; whitespace inside a code becomes "_"."""
    code = str(choice["name"]).strip()
    labels = by_language(choice.get("label"), default_language)
    if any(character.isspace() for character in code):
        fixed = "_".join(code.split())
        report.notes.append(
            SkippedRow(
                question.row,
                question.name,
                _(
                    "choice code “%(code)s” has spaces or line breaks: stored as “%(fixed)s”"
                )
                % {"code": code, "fixed": fixed},
            )
        )
        code = fixed
    if any("\n" in text or "\r" in text for text in labels.values()):
        labels = {language: " ".join(text.split()) for language, text in labels.items()}
        report.notes.append(
            SkippedRow(
                question.row,
                question.name,
                _("choice “%(code)s”: line break in its label replaced by a space")
                % {"code": code},
            )
        )
    return code, labels


def _texts(question: ParsedQuestion, code: str) -> QuestionText:
    return QuestionText(
        label=text_in(question.labels, code)[:500] or question.name,
        help_text=text_in(question.hints, code)[:500],
        choices="\n".join(
            text_in(labels, code) or value for value, labels in question.choices
        ),
    )


def import_xlsform(
    cycle: CyclePage, source, force: bool = False, user=None
) -> ImportReport:
    """Replace the cycle's questionnaire with the XLSForm's; `source` is a path or an
    uploaded file. Raises XLSFormError (nothing changed) when it cannot."""
    cycle = canonical_cycle(cycle)
    if has_answers(cycle) and not force:
        raise XLSFormError(
            _(
                "Districts have already answered this cycle: importing would change "
                "the questions under their answers. Use --force to import anyway."
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = _as_path(source, Path(folder))
        data = _parse_workbook(path)
        rows = _row_numbers(path)
    report = ImportReport()
    questions = parse_questions(data, rows, report)
    if not [
        q for q in questions if q.kind not in (QuestionKind.HEADING, QuestionKind.NOTE)
    ]:
        raise XLSFormError(_("This XLSForm has no question that can be imported."))
    report.languages = sorted({code for q in questions for code in q.labels if code})
    with transaction.atomic():
        cycle.questions.all().delete()
        for order, question in enumerate(questions):
            texts = _texts(question, "fr")
            SurveyQuestion.objects.create(
                page=cycle,
                sort_order=order,
                name=question.name[:64],
                field_type=question.kind,
                required=question.required,
                label=texts.label,
                help_text=texts.help_text,
                choices=texts.choices,
                choice_values="\n".join(value for value, _labels in question.choices),
                min_value=question.min_value,
                max_value=question.max_value,
                condition_name=question.condition_name,
                condition_value=question.condition_value,
            )
        revision = CyclePage.objects.get(pk=cycle.pk).save_revision(user=user)
        if cycle.live:
            revision.publish(user=user)
        english = ensure_translation(cycle, "en")
        sync_questions(cycle, english, {q.name: _texts(q, "en") for q in questions})
    report.imported = len(questions)
    return report


def _as_path(source, folder: Path) -> Path:
    if isinstance(source, str | Path):
        return Path(source)
    suffix = Path(getattr(source, "name", "form.xlsx")).suffix.lower()
    path = folder / f"form{suffix}"
    with path.open("wb") as handle:
        for chunk in source.chunks() if hasattr(source, "chunks") else [source.read()]:
            handle.write(chunk)
    return path
