"""The six steps of a learning cycle, as explained to first-time visitors."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LearningCycleStep:
    number: int
    title: Promise
    summary: Promise


LEARNING_CYCLE_STEPS = (
    LearningCycleStep(
        1,
        _("Identify a health issue"),
        _(
            "The facilitation team and the districts choose a problem worth investigating."
        ),
    ),
    LearningCycleStep(
        2,
        _("Author a questionnaire"),
        _("Facilitators write a short survey, in French and English."),
    ),
    LearningCycleStep(
        3,
        _("Every team answers"),
        _("Each district management team gives one answer, saved as it types."),
    ),
    LearningCycleStep(
        4,
        _("Results are published"),
        _("Answers are analysed and charted, anonymised when teams need protecting."),
    ),
    LearningCycleStep(
        5,
        _("Teams discuss"),
        _("Districts compare their experience online; facilitators write a synthesis."),
    ),
    LearningCycleStep(
        6,
        _("Lessons are shared"),
        _("Lessons become bilingual briefs in a searchable library for policymakers."),
    ),
)
