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
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cycles.models import CyclePage, SurveyQuestion
from cycles.models.questions import NAME_PATTERN
from cycles.questionnaire import KINDS_WITHOUT_ANSWER, QuestionKind
from cycles.selectors import canonical_cycle, has_answers
from cycles.translation import QuestionText, ensure_translation, sync_questions
from cycles.xlsform_messages import translated_reason

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
RELEVANT_EQUALS = re.compile(r"^\s*\$\{([\w.-]+)\}\s*=\s*'([^']*)'\s*$")
RELEVANT_SELECTED = re.compile(
    r"^\s*selected\(\s*\$\{([\w.-]+)\}\s*,\s*'([^']*)'\s*\)\s*$"
)
LABEL_LENGTH = SurveyQuestion._meta.get_field("label").max_length
HINT_LENGTH = SurveyQuestion._meta.get_field("help_text").max_length
NAME_LENGTH = SurveyQuestion._meta.get_field("name").max_length
CONDITION_VALUE_LENGTH = SurveyQuestion._meta.get_field("condition_value").max_length
BOUND = re.compile(r"^\s*\.\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


class XLSFormError(Exception):
    """The file cannot be imported; the message is translated and safe to show."""


class AnswersExist(XLSFormError):
    """Districts have answered: the caller says how to replace anyway (a checkbox in
    the editor, --force on the command line)."""


class DraftPending(XLSFormError):
    """The page has unpublished changes that an import would throw away."""


def stable_name(xlsform_name: str) -> str:
    """An XLSForm name as the questionnaire's stable name: XLSForm accepts capitals,
    "-" and "." (`Nom_District`, `q1-a`, `q1.b`); stable names are lower-case
    letters, digits and "_", starting with a letter."""
    name = slugify(str(xlsform_name).replace(".", "_")).replace("-", "_")
    if not name[:1].isalpha():
        name = f"q_{name.lstrip('_')}" if name.strip("_") else "q"
    return name


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


def _survey_rows(path: Path):
    """The survey sheet's rows as tuples of cells (.xlsx through openpyxl, .xls
    through xlrd, which pyxform itself uses), or nothing."""
    if path.suffix.lower() == ".xls":
        import xlrd

        book = xlrd.open_workbook(str(path))
        sheet = next((s for s in book.sheets() if s.name.lower() == "survey"), None)
        return [sheet.row_values(n) for n in range(sheet.nrows)] if sheet else []
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = next(
            (ws for ws in workbook.worksheets if ws.title.lower() == "survey"), None
        )
        return list(sheet.iter_rows(values_only=True)) if sheet else []
    finally:
        workbook.close()


def _row_numbers(path: Path) -> dict[str, int]:
    """Spreadsheet row of each question name (the survey sheet, header on row 1)."""
    if path.suffix.lower() not in (".xls", ".xlsx"):
        return {}
    try:
        rows = iter(_survey_rows(path))
    except Exception:  # already read by pyxform; row numbers are a comfort
        return {}
    header = [str(cell or "").strip().lower() for cell in next(rows, ())]
    if "name" not in header:
        return {}
    name_column = header.index("name")
    numbers = {}
    for number, row in enumerate(rows, start=2):
        if name_column < len(row) and row[name_column]:
            numbers.setdefault(str(row[name_column]).strip(), number)
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
            _("This XLSForm cannot be imported: %(reason)s")
            % {"reason": translated_reason(str(exc))}
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


def _checked_name(original: str, rows: dict, seen: dict, report) -> str:
    """The stable name of an XLSForm name; refuses one too long or taken twice."""
    name, row = stable_name(original), rows.get(original)
    if len(name) > NAME_LENGTH or not NAME_PATTERN.match(name):
        raise XLSFormError(
            _(
                "Row %(row)s: the name “%(name)s” is longer than %(length)d "
                "characters; shorten it in the file."
            )
            % {"row": row or "?", "name": original, "length": NAME_LENGTH}
        )
    if name in seen:
        other = seen[name]
        if other == original:
            raise XLSFormError(
                _("Row %(row)s: the name “%(name)s” is used twice.")
                % {"row": row or "?", "name": original}
            )
        raise XLSFormError(
            _(
                "Rows %(first)s and %(second)s: the names “%(one)s” and “%(other)s” "
                "both become “%(name)s” in the questionnaire; rename one of them."
            )
            % {
                "first": rows.get(other) or "?",
                "second": row or "?",
                "one": other,
                "other": original,
                "name": name,
            }
        )
    seen[name] = original
    if name != original:
        report.notes.append(
            SkippedRow(
                row,
                original,
                _(
                    "name stored as “%(name)s” (the questionnaire's names are "
                    "lower-case letters, digits and “_”)"
                )
                % {"name": name},
            )
        )
    return name


def _short(texts: dict, length: int, name: str, row, report) -> dict:
    """Texts cut to what the question can hold, said in the report."""
    if all(len(text) <= length for text in texts.values()):
        return texts
    report.notes.append(
        SkippedRow(
            row,
            name,
            _("text longer than %(length)d characters, shortened") % {"length": length},
        )
    )
    return {language: text[:length] for language, text in texts.items()}


def parse_questions(
    data: dict, rows: dict[str, int], report: ImportReport
) -> list[ParsedQuestion]:
    default_language = data.get("default_language", "")
    questions: list[ParsedQuestion] = []
    seen: dict[str, str] = {}  # stable name → XLSForm name

    def skip(element, reason):
        name = element.get("name", "")
        report.skipped.append(SkippedRow(rows.get(name), name, reason))

    def walk(children):
        for element in children:
            kind, original = element.get("type", ""), element.get("name", "")
            if kind == "group" and element.get("control", {}).get("bodyless"):
                continue  # pyxform's own meta group (instanceID)
            name = _checked_name(original, rows, seen, report)
            if kind == "group":
                label = by_language(element.get("label"), default_language)
                if label:
                    questions.append(
                        ParsedQuestion(
                            name,
                            QuestionKind.HEADING,
                            rows.get(original),
                            _short(
                                label, LABEL_LENGTH, name, rows.get(original), report
                            ),
                            {},
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
            if kind in ("select one", "select all that apply") and not element.get(
                "choices"
            ):
                skip(element, _("no choices given for this select question"))
                continue
            questions.append(
                parse_question(element, kind, rows, default_language, report)
            )

    walk(data.get("children", []))
    by_name = {q.name: q for q in questions}
    for question in questions:
        reason = _condition_problem(question, by_name)
        if reason:
            report.notes.append(SkippedRow(question.row, question.name, reason))
            question.condition_name = question.condition_value = ""
    return questions


def _condition_problem(question: ParsedQuestion, by_name: dict) -> str:
    """Why a condition would hide the question for ever, or ""."""
    if not question.condition_name:
        return ""
    other = by_name.get(question.condition_name)
    if other is None or other is question:
        return _("condition on an unknown question ignored")
    offered = [code for code, _labels in other.choices]
    if offered and question.condition_value not in offered:
        return _(
            "condition on “%(value)s”, which “%(name)s” does not offer: ignored, "
            "the question is always shown"
        ) % {"value": question.condition_value, "name": other.name}
    return ""


def parse_question(element, kind, rows, default_language, report) -> ParsedQuestion:
    original = element["name"]
    name, row = stable_name(original), rows.get(original)
    bind = element.get("bind", {})
    question = ParsedQuestion(
        name=name,
        kind=SUPPORTED_TYPES[kind],
        row=row,
        labels=_short(
            by_language(element.get("label"), default_language),
            LABEL_LENGTH,
            name,
            row,
            report,
        ),
        hints=_short(
            by_language(element.get("hint"), default_language),
            HINT_LENGTH,
            name,
            row,
            report,
        ),
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
        if found and len(found.group(2)) <= CONDITION_VALUE_LENGTH:
            question.condition_name = stable_name(found.group(1))
            question.condition_value = found.group(2)
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
        raise AnswersExist(
            _(
                "Districts have already answered this cycle: importing would change "
                "the questions under their answers."
            )
        )
    if cycle.live and cycle.has_unpublished_changes:
        raise DraftPending(
            _(
                "This cycle's page has changes that are not published yet; importing "
                "would replace the questionnaire without them and lose them. Publish "
                "or discard those changes in the editor, then import again."
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = _as_path(source, Path(folder))
        data = _parse_workbook(path)
        rows = _row_numbers(path)
    report = ImportReport()
    questions = parse_questions(data, rows, report)
    if not [q for q in questions if q.kind not in KINDS_WITHOUT_ANSWER]:
        raise XLSFormError(
            _("This XLSForm has no question that can be imported: %(rows)s")
            % {"rows": "; ".join(_said(row) for row in report.skipped[:8]) or "—"}
        )
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
        revision = _with_imported_questions(cycle).save_revision(user=user)
        if cycle.live:
            revision.publish(user=user)
        english = ensure_translation(cycle, "en")
        sync_questions(cycle, english, {q.name: _texts(q, "en") for q in questions})
    report.imported = len(questions)
    return report


def _said(row: SkippedRow) -> str:
    return _("row %(row)s (%(name)s): %(reason)s") % {
        "row": row.row or "?",
        "name": row.name,
        "reason": row.reason,
    }


def _with_imported_questions(cycle: CyclePage) -> CyclePage:
    """The page to save as a revision: a live page as published (it has no pending
    changes), a never-published page as its latest draft, so that the draft's edits
    are kept alongside the imported questions."""
    stored = CyclePage.objects.get(pk=cycle.pk)
    if cycle.live:
        return stored
    draft = cycle.get_latest_revision_as_object()
    draft.questions = list(stored.questions.all())
    return draft


def _as_path(source, folder: Path) -> Path:
    if isinstance(source, str | Path):
        return Path(source)
    suffix = Path(getattr(source, "name", "form.xlsx")).suffix.lower()
    path = folder / f"form{suffix}"
    with path.open("wb") as handle:
        for chunk in source.chunks() if hasattr(source, "chunks") else [source.read()]:
            handle.write(chunk)
    return path
