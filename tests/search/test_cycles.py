"""Learning cycles are searched on the same page as lessons, in the reader's language."""

import pytest

from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from cycles.translation import ensure_translation
from search.models import SearchEntry
from tests.search.conftest import publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(home_page):
    index = CycleIndexPageFactory(parent=home_page)
    cycle = CyclePageFactory(
        parent=index,
        slug="ruptures-vaccins",
        title="Ruptures de stock de vaccins",
        summary="Les districts comparent leurs chaînes du froid.",
        step=6,
    )
    return publish(cycle)


@pytest.fixture
def cycle_en(cycle, home_page_en):
    english = ensure_translation(cycle, "en")
    english.title = "Vaccine stock-outs"
    english.slug = "vaccine-stock-outs"
    english.summary = "Districts compare their cold chains."
    return publish(english)


def titles(response):
    return [hit.title for hit in response.context["hits"]]


def facet(response, name):
    group = next(g for g in response.context["facet_groups"] if g.name == name)
    return {link.label: (link.count, link.selected) for link in group.links}


def test_a_cycle_is_found_in_its_language_only(client, cycle, cycle_en):
    french = client.get("/fr/search/", {"q": "froid"})
    assert titles(french) == ["Ruptures de stock de vaccins"]
    assert french.context["hits"][0].url.startswith("/fr/")

    english = client.get("/en/search/", {"q": "cold"})
    assert titles(english) == ["Vaccine stock-outs"]
    assert english.context["hits"][0].url.startswith("/en/")
    assert titles(client.get("/en/search/", {"q": "froid"})) == []


def test_cycle_facet_counts_the_cycle_and_its_lessons(client, cycle, make_lesson):
    make_lesson(title="Alerte précoce des ruptures", cycle=cycle)
    make_lesson(title="Chaîne du froid solaire", cycle=cycle)
    make_lesson(title="Supervision formative")

    response = client.get("/fr/search/")
    assert facet(response, "cycle") == {"Ruptures de stock de vaccins": (3, False)}
    assert facet(response, "kind")["Cycle d'apprentissage"] == (1, False)

    key = str(cycle.translation_key)
    filtered = client.get("/fr/search/", {"cycle": key})
    assert sorted(titles(filtered)) == [
        "Alerte précoce des ruptures",
        "Chaîne du froid solaire",
        "Ruptures de stock de vaccins",
    ]


def test_unpublishing_a_cycle_removes_it_from_search(client, cycle):
    assert SearchEntry.objects.filter(page_id=cycle.pk).exists()
    cycle.unpublish()
    assert not SearchEntry.objects.filter(page_id=cycle.pk).exists()
    assert titles(client.get("/fr/search/", {"q": "vaccins"})) == []


def test_a_lesson_translation_keeps_the_cycle_facet(
    client, cycle, cycle_en, make_lesson, library_en, locales
):
    lesson = make_lesson(title="Alerte précoce des ruptures", cycle=cycle)
    translate(lesson, locales["en"], title="Early warning of stock-outs")
    response = client.get("/en/search/")
    assert facet(response, "cycle") == {"Vaccine stock-outs": (2, False)}
