"""What the survey's two ways in (the page's form and the autosave) share: the form, the
questions it showed, and the messages for refused and conflicting answers."""

from django.utils.translation import gettext as _

from cycles.models import CyclePage
from cycles.questionnaire import Question


def shown_questions(form, declared) -> list[str]:
    """The questions a save may change: those the reader's page showed (`declared`,
    sent back by the form and the script) that the questionnaire still has. A client
    that declares nothing changes every question of the form."""
    if declared is None:
        return list(form.fields)
    if isinstance(declared, str):
        declared = declared.split(",")
    if not isinstance(declared, list):
        return []
    return [name for name in declared if isinstance(name, str) and name in form.fields]


def survey_form(page: CyclePage, data=None, initial=None, enforce_required=True):
    return page.get_form(
        data, page=page, initial=initial, enforce_required=enforce_required
    )


def conflict_message(questions: list[Question], names: list[str]) -> str:
    labels = [q.label for q in questions if q.name in names]
    return _(
        "A teammate changed the same questions while you were typing: %(questions)s. "
        "Your answers are kept below; check them and save again to keep yours."
    ) % {"questions": "; ".join(labels)}


def refused_message(questions: list[Question], names) -> str:
    labels = [q.label for q in questions if q.name in names]
    return _(
        "Your other answers are saved. These answers were not saved because they "
        "are not valid; the previous answer is kept until you correct them: "
        "%(questions)s."
    ) % {"questions": "; ".join(labels)}


def parse_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
