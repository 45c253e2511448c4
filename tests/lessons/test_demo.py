import pytest
from django.core.management import call_command

from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


def test_demo_has_twelve_french_lessons_translated_to_english(client):
    call_command("seed_demo")
    french = LessonPage.objects.live().filter(locale__language_code="fr")
    assert french.count() >= 12
    for lesson in french:
        assert lesson.get_translation_or_none(
            lesson.get_translations().first().locale
        ).live
    response = client.get("/en/search/", {"q": "malaria"})
    assert response.context["results"].total >= 1
    assert all(hit.url.startswith("/en/") for hit in response.context["hits"])
