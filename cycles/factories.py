import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from cycles.models import CycleIndexPage, CyclePage, SurveyQuestion, SurveyResponse


class CycleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CycleIndexPage

    title = "Cycles d'apprentissage"
    slug = "cycles"
    show_in_menus = True


def dates_for_step(step: int, today: dt.date | None = None) -> dict:
    """Step dates placing a cycle at `step` today (7 = every step finished)."""
    today = today or timezone.localdate()
    offsets = {  # days from today at which each date falls, per step reached
        "issue_date": -70,
        "questionnaire_date": -56,
        "answers_open": -42,
        "answers_close": -21,
        "results_date": -14,
        "discussion_open": -10,
        "discussion_close": 10,
        "knowledge_translation_date": 20,
    }
    shift = {1: 63, 2: 49, 3: 28, 4: 12, 5: 0, 6: -25}[step]
    return {
        name: today + dt.timedelta(days=days + shift) for name, days in offsets.items()
    }


def step_date(name: str) -> factory.LazyAttribute:
    """One of the step dates placing the cycle at its `step` parameter today."""
    return factory.LazyAttribute(lambda o: dates_for_step(o.step)[name])


class CyclePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CyclePage

    class Params:
        step = 3

    title = factory.Sequence(lambda n: f"Cycle {n}")
    summary = "Un cycle d'apprentissage entre districts."
    health_issue = "<p>Les ruptures de stock de vaccins.</p>"
    issue_date = step_date("issue_date")
    questionnaire_date = step_date("questionnaire_date")
    answers_open = step_date("answers_open")
    answers_close = step_date("answers_close")
    results_date = step_date("results_date")
    discussion_open = step_date("discussion_open")
    discussion_close = step_date("discussion_close")
    knowledge_translation_date = step_date("knowledge_translation_date")


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyQuestion

    page = factory.SubFactory(CyclePageFactory)
    label = factory.Sequence(lambda n: f"Question {n}")
    name = factory.Sequence(lambda n: f"question_{n}")
    field_type = "text"


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    cycle = factory.SubFactory(CyclePageFactory)
    status = "draft"
    answers = factory.LazyFunction(dict)
