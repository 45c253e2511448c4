"""XLSForm rows as questions: types, names, bounds, conditions and choices checked."""

import re

from django.utils.translation import gettext as _

from cycles.models import SurveyQuestion
from cycles.models.questions import NAME_PATTERN
from cycles.questionnaire import QuestionKind
from cycles.xlsform.report import (
    ImportReport,
    ParsedQuestion,
    SkippedRow,
    XLSFormError,
    stable_name,
)
from cycles.xlsform.workbook import by_language

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
