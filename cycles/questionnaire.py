"""The questionnaire as other apps see it, and the one definition of its kinds.

`Question.name` is stable and untranslated: answers are keyed on it in every language.
The survey form, the admin, the exports and the analysis (`cycles.analysis`) all ask
the kinds' sets below; no other module or template lists kinds.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class QuestionKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    NUMBER = "number"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    DATE = "date"
    SCALE = "scale"  # 1–5
    HEADING = "heading"
    NOTE = "note"


QUESTION_KIND_LABELS = {
    QuestionKind.TEXT: _("Short text"),
    QuestionKind.LONG_TEXT: _("Long text"),
    QuestionKind.NUMBER: _("Number"),
    QuestionKind.SINGLE_CHOICE: _("Single choice"),
    QuestionKind.MULTIPLE_CHOICE: _("Multiple choice"),
    QuestionKind.YES_NO: _("Yes / no"),
    QuestionKind.DATE: _("Date"),
    QuestionKind.SCALE: _("Scale from 1 to 5"),
    QuestionKind.HEADING: _("Section heading"),
    QuestionKind.NOTE: _("Note"),
}
QUESTION_KIND_CHOICES = [
    (kind.value, label) for kind, label in QUESTION_KIND_LABELS.items()
]
KINDS_WITHOUT_ANSWER = frozenset({QuestionKind.HEADING, QuestionKind.NOTE})
KINDS_WITH_CHOICES = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}
)
# Counted answer by answer in the results (a yes/no or a 1–5 scale too).
KINDS_COUNTED_BY_CHOICE = frozenset(
    {
        QuestionKind.SINGLE_CHOICE,
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.YES_NO,
        QuestionKind.SCALE,
    }
)
KINDS_WITH_NUMBERS = frozenset({QuestionKind.NUMBER, QuestionKind.SCALE})
SCALE_VALUES = (1, 2, 3, 4, 5)
# The words for the ends of every 1–5 scale, shown beside its options.
SCALE_END_LABELS = (_("1 = not at all"), _("5 = completely"))


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    name: str
    kind: str
    label: str
    help_text: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    min_value: float | None = None
    max_value: float | None = None
    condition_name: str = ""
    condition_value: str = ""

    @property
    def has_answer(self) -> bool:
        return self.kind not in KINDS_WITHOUT_ANSWER

    @property
    def is_heading(self) -> bool:
        """A section heading of the form (a note is the other kind without answer)."""
        return self.kind == QuestionKind.HEADING

    def choice_label(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value


def is_answered(value) -> bool:
    return value not in (None, "", [])


def condition_met(question: Question, answers: dict) -> bool:
    """Whether a question is shown: no condition, or the other answer matches.

    For a multiple-choice condition question, "is Y" means "Y is among the choices".
    """
    if not question.condition_name:
        return True
    given = answers.get(question.condition_name)
    if isinstance(given, list):
        return question.condition_value in given
    return str(given) == question.condition_value if is_answered(given) else False


def unknown_question_message(name: str) -> str:
    """For an editor whose chart names a question the questionnaire does not have."""
    return gettext(
        "“%(name)s” is not a question of this cycle's questionnaire. "
        "Use the name of a question, for example one shown in the Questionnaire tab."
    ) % {"name": name}
