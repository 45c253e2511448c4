"""What templates display about answers: labels and readable values, no logic left.

The questionnaire box of the cycle page says one thing (``survey_box``): the form,
the district's answers, or why there is neither; the template only shows it.
"""

from dataclasses import asdict, dataclass
from enum import StrEnum
from urllib.parse import quote

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cycles import steps
from cycles.questionnaire import (
    KINDS_WITHOUT_ANSWER,
    Question,
    QuestionKind,
    is_answered,
)
from portal import fragments
from portal.times import datetime_with_zone


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


@dataclass(frozen=True)
class SurveyItem:
    question: Question
    field: object  # a bound form field, or None for headings and notes
    condition_on: Question | None = None

    @property
    def condition_text(self) -> str:
        """Said in words for readers without JavaScript (which hides the question)."""
        other = self.condition_on
        if other is None:
            return ""
        return _("Answer only if the answer to “%(name)s” is “%(value)s”.") % {
            "name": other.label,
            "value": other.choice_label(self.question.condition_value),
        }


def survey_items(form, questions: list[Question]) -> list[SurveyItem]:
    by_name = {q.name: q for q in questions}
    return [
        SurveyItem(
            q,
            form[q.name] if q.name in form.fields else None,
            by_name.get(q.condition_name),
        )
        for q in questions
    ]


class SurveyState(StrEnum):
    FORM = "form"  # the district's form, to fill in or change
    ANSWERS = "answers"  # the district's answers, read-only
    NOT_ANSWERED = "not_answered"
    LOG_IN = "log_in"
    NOT_OPEN_YET = "not_open_yet"
    TEAMS_ONLY = "teams_only"
    CLOSED = "closed"


@dataclass(frozen=True)
class SurveyBox:
    """What the questionnaire box shows: its ``state``, the sentence that goes with
    it (a help line, the answers' intro or the reason) and, to log in, a link."""

    state: SurveyState
    message: str
    link_url: str = ""
    is_warning: bool = False


def survey_box(page, request, *, district, response, form) -> SurveyBox:
    """The first that applies: the form (for whoever may answer now), the district's
    answers, or why the reader has neither."""
    if form is not None:
        if response is None:
            return SurveyBox(
                SurveyState.FORM,
                _(
                    "One answer per district: your teammates see and complete the "
                    "same form."
                ),
            )
        return SurveyBox(
            SurveyState.FORM,
            _("Shared by your whole team. Last changed by %(who)s on %(when)s.")
            % {
                "who": response.updated_by_name,
                "when": datetime_with_zone(response.updated_at),
            },
        )
    if response is not None:
        return SurveyBox(
            SurveyState.ANSWERS,
            answers_intro(response, page.answers_are_open),
            is_warning=not response.is_submitted,
        )
    if district and page.current_step > 3:
        return SurveyBox(
            SurveyState.NOT_ANSWERED,
            _("Your district did not answer this questionnaire."),
        )
    if page.answers_are_open and not request.user.is_authenticated:
        return SurveyBox(
            SurveyState.LOG_IN,
            _("Log in to answer for your district."),
            link_url=f"{reverse('login')}?next={quote(request.path, safe='/')}",
        )
    if page.current_step < 3:
        return SurveyBox(
            SurveyState.NOT_OPEN_YET, _("The questionnaire opens at step 3.")
        )
    if page.answers_are_open and not district:
        return SurveyBox(
            SurveyState.TEAMS_ONLY,
            _("Only district management teams answer this questionnaire."),
        )
    return SurveyBox(SurveyState.CLOSED, _("The answers are closed."))


def timeline_html(page):
    """The six steps (``cycles/_timeline.html``), rendered once per distinct
    timeline: its steps, dates and states, the next deadline and whether the
    answers are open (the language and the reader's time zone are in the key)."""
    step = page.current_step
    deadline = page.next_deadline
    timeline = page.timeline
    answers_open = page.answers_are_open

    def render(_csrf_token):
        return render_to_string(
            "cycles/_timeline.html",
            {
                "page": _TimelinePage(
                    current_step=step,
                    current_step_title=steps.STEP_TITLES[step],
                    answers_are_open=answers_open,
                    next_deadline=deadline,
                    timeline=timeline,
                )
            },
        )

    return fragments.html(
        None,
        "cycle-timeline",
        render,
        step,
        answers_open,
        asdict(deadline) if deadline else None,
        [asdict(item) for item in timeline],
    )


@dataclass(frozen=True)
class _TimelinePage:
    """All the timeline's template reads of its page (nothing else reaches it)."""

    current_step: int
    current_step_title: str
    answers_are_open: bool
    next_deadline: object
    timeline: list
