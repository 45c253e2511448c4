import pytest

from cycles.models import CyclePage, SurveyQuestion, SurveyResponse
from demo import cycles as demo
from districts.models import District

pytestmark = pytest.mark.django_db


def test_demo_cycles_cover_the_steps_in_both_languages_with_answers(client):
    counts = (
        CyclePage.objects.count(),
        SurveyQuestion.objects.count(),
        SurveyResponse.objects.count(),
    )
    demo.seed()
    assert (
        CyclePage.objects.count(),
        SurveyQuestion.objects.count(),
        SurveyResponse.objects.count(),
    ) == counts  # idempotent

    french = CyclePage.objects.filter(locale__language_code="fr")
    english = CyclePage.objects.filter(locale__language_code="en")
    assert french.count() >= 4 and english.count() == french.count()
    steps = sorted(c.current_step for c in french)
    assert {2, 3, 5, 6} <= set(steps)
    districts = District.objects.count()
    for cycle in french:
        answered = SurveyResponse.objects.filter(cycle=cycle).count()
        if cycle.current_step >= 3:
            assert 0.6 * districts <= answered <= 0.95 * districts, cycle.title
    open_cycle = next(c for c in french if c.current_step == 3)
    statuses = set(
        SurveyResponse.objects.filter(cycle=open_cycle).values_list("status", flat=True)
    )
    assert statuses == {"draft", "submitted"}
    assert client.get("/fr/cycles/").status_code == 200
    assert client.get("/en/learning-cycles/vaccine-stock-outs/").status_code == 200
