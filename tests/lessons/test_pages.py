import pytest

from lessons.models import LessonPage
from tests.lessons.conftest import translate

pytestmark = pytest.mark.django_db


def test_lesson_page_shows_graded_entry_in_french(client, make_lesson, benin):
    lesson = make_lesson(
        title="Motiver les relais communautaires",
        topics=["community-health"],
        countries=[benin],
    )
    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Messages clés" in html
    assert "Motiver les relais communautaires" in html
    assert "Santé communautaire" in html
    assert "Bénin" in html
    assert 'property="og:title"' in html
    assert 'type="application/rss+xml"' in html


def test_english_translation_is_served_in_english(
    client, make_lesson, library_en, locales
):
    lesson = make_lesson(title="Motiver les relais")
    english = translate(
        lesson, locales["en"], title="Motivating community workers", slug="motivating"
    )
    response = client.get(english.url)
    assert response.status_code == 200
    assert "Motivating community workers" in response.content.decode()
    assert "Key messages" in response.content.decode()


def test_untranslated_lesson_falls_back_to_french_with_notice(
    client, make_lesson, library_en
):
    make_lesson(title="Leçon seulement en français", slug="lecon-francais")
    response = client.get(f"{library_en.url}lecon-francais/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leçon seulement en français" in html
    assert "has not been translated yet" in html


def test_missing_lesson_is_still_404_in_english(client, library_en):
    assert client.get(f"{library_en.url}nothing-here/").status_code == 404


def test_library_lists_lessons_and_home_shows_latest(client, make_lesson, library):
    make_lesson(title="Leçon sur le paludisme")
    assert "Leçon sur le paludisme" in client.get(library.url).content.decode()
    assert "Leçon sur le paludisme" in client.get("/fr/").content.decode()
    assert LessonPage.objects.count() == 1
