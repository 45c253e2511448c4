import pytest
from django.core.management import call_command

from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


def test_demo_has_twelve_french_lessons_translated_to_english(client):
    french = LessonPage.objects.live().filter(locale__language_code="fr")
    assert french.count() >= 12
    for lesson in french:
        assert lesson.get_translation_or_none(
            lesson.get_translations().first().locale
        ).live
    response = client.get("/en/search/", {"q": "malaria"})
    assert response.context["results"].total >= 1
    assert all(hit.url.startswith("/en/") for hit in response.context["hits"])


def test_demo_lessons_are_linked_to_the_demo_cycles(client):
    from cycles.models import CyclePage

    call_command("seed_demo")  # the second run, idempotent: still one link per lesson
    cycle = CyclePage.objects.get(
        slug="ruptures-de-stock-de-vaccins", locale__language_code="fr"
    )
    linked = LessonPage.objects.filter(cycle__translation_key=cycle.translation_key)
    assert linked.filter(locale__language_code="fr").count() == 2
    assert linked.filter(locale__language_code="en").count() == 2
    english = cycle.get_translation(
        linked.filter(locale__language_code="en").first().locale
    )
    assert all(
        lesson.cycle_id == english.pk
        for lesson in linked.filter(locale__language_code="en")
    )
    html = client.get(cycle.url).content.decode()
    assert "Leçons de ce cycle" in html
