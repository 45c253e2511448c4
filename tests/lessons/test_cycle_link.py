"""A lesson names the learning cycle it came from; the cycle page lists its lessons."""

import pytest
from django.core.exceptions import ValidationError

from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from cycles.translation import ensure_translation
from tests.lessons.conftest import publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(home_page):
    index = CycleIndexPageFactory(parent=home_page)
    return CyclePageFactory(
        parent=index, slug="ruptures-vaccins", title="Ruptures de vaccins", step=6
    )


@pytest.fixture
def cycle_en(cycle, home_page_en):
    english = ensure_translation(cycle, "en")
    english.title = "Vaccine stock-outs"
    english.slug = "vaccine-stock-outs"
    return publish(english)


def test_the_source_cycle_must_be_a_learning_cycle(make_lesson, library):
    lesson = make_lesson(title="Leçon sans cycle")
    lesson.cycle_id = library.pk  # a page, but not a cycle
    with pytest.raises(ValidationError):
        lesson.full_clean()


def test_cycle_page_lists_lessons_from_this_cycle_only(client, cycle, make_lesson):
    make_lesson(title="Alerte précoce des ruptures", cycle=cycle)
    make_lesson(title="Une leçon sur un autre sujet")
    make_lesson(title="Brouillon du cycle", cycle=cycle, publish_it=False, live=False)

    html = client.get(cycle.url).content.decode()

    assert "Leçons de ce cycle" in html
    assert "Alerte précoce des ruptures" in html
    assert "Une leçon sur un autre sujet" not in html
    assert "Brouillon du cycle" not in html


def test_english_cycle_page_lists_english_lessons(
    client, cycle, cycle_en, make_lesson, library_en, locales
):
    lesson = make_lesson(title="Alerte précoce des ruptures", cycle=cycle)
    translate(lesson, locales["en"], title="Early warning of stock-outs")

    html = client.get(cycle_en.url).content.decode()

    assert "Lessons from this cycle" in html
    assert "Early warning of stock-outs" in html
    assert "Alerte précoce des ruptures" not in html


def test_cycle_without_lessons_has_no_empty_section(client, cycle):
    html = client.get(cycle.url).content.decode()
    assert "cycle-lessons-title" not in html


def test_lesson_links_to_its_cycle_in_the_readers_language(
    client, cycle, cycle_en, make_lesson, library_en, locales
):
    lesson = make_lesson(title="Alerte précoce des ruptures", cycle=cycle)
    english = translate(lesson, locales["en"], title="Early warning of stock-outs")

    html = client.get(english.url).content.decode()

    assert "Vaccine stock-outs" in html
    assert cycle_en.url in html
