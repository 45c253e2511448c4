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


def answer_link_label(can_answer: bool, response) -> str:
    """The link near the top of the cycle page to the questionnaire, for a member
    whose district may answer while the answers are open ("" for anybody else)."""
    if not can_answer:
        return ""
    if response is not None and response.is_submitted:
        return _("See or change our answers")
    return _("Answer the questionnaire")


def shows_results_box(page, results_visible: bool, results_login_url: str) -> bool:
    """Before results exist (step 1–3, no chart to show) the results box would only
    say "not published yet" and push the questionnaire down: it is left out."""
    if page.current_step >= 4 or results_login_url:
        return True
    return results_visible and len(page.results) > 0
