"""What templates display about answers: labels and readable values, no logic left."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cycles.questionnaire import (
    KINDS_WITHOUT_ANSWER,
    Question,
    QuestionKind,
    is_answered,
)


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str
    is_heading: bool = False


def display_value(question: Question, value) -> str:
    if not is_answered(value):
        return _("Not answered")
    if isinstance(value, list):
        return ", ".join(question.choice_label(str(v)) for v in value)
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.YES_NO):
        return question.choice_label(str(value))
    if question.kind == QuestionKind.DATE:
        import datetime as dt

        try:
            return date_format(dt.date.fromisoformat(value), "DATE_FORMAT")
        except (TypeError, ValueError):
            return str(value)
    if question.kind == QuestionKind.SCALE:
        return f"{value} / 5"
    return str(value)


def answer_rows(questions: list[Question], answers: dict) -> list[AnswerRow]:
    rows = []
    for question in questions:
        if question.kind == QuestionKind.HEADING:
            rows.append(AnswerRow(question.label, "", is_heading=True))
        elif question.kind not in KINDS_WITHOUT_ANSWER:
            rows.append(
                AnswerRow(
                    question.label, display_value(question, answers.get(question.name))
                )
            )
    return rows


def answers_intro(response, answers_are_open: bool) -> str:
    """The sentence above a district's answers shown read-only: says plainly when the
    answers closed on a draft that nobody submitted (it is not counted)."""
    if answers_are_open:
        return _("Your district's answers:")
    if not response.is_submitted:
        return _(
            "The answers are closed. Your district's draft was never submitted: it "
            "is not counted in the results. What the draft held:"
        )
    return _("The answers are closed. Your district's answers:")


def receipt_number(response) -> str:
    return f"{response.district.code}-{response.cycle_id}-v{response.version}".upper()
