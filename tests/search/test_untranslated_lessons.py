"""Issue 12: a lesson published in French only is found by English readers (search
and autocomplete), marked "in French" and linked at its English-side address; a
translated lesson is found once, in the reader's language."""

import pytest

from tests.search.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_lessons(make_lesson, library_en, locales):
    french_only = make_lesson(
        title="Chaîne du froid solaire à Kandi", slug="chaine-du-froid-solaire"
    )
    translated = make_lesson(title="Chaîne du froid à Boké", slug="froid-boke")
    translate(
        translated, locales["en"], title="Cold chain in Boke", slug="cold-chain-boke"
    )
    return french_only, translated


def test_english_search_finds_the_untranslated_lesson_with_a_badge(
    client, two_lessons, library_en
):
    response = client.get("/en/search/", {"q": "kandi"})
    hits = response.context["hits"]
    assert [(hit.title, hit.written_in) for hit in hits] == [
        ("Chaîne du froid solaire à Kandi", "fr")
    ]
    assert hits[0].url == f"{library_en.url}chaine-du-froid-solaire/"
    assert "in French" in response.content.decode()


def test_a_translated_lesson_is_found_once_in_english(client, two_lessons):
    response = client.get("/en/search/", {"q": "boke"})
    assert [hit.title for hit in response.context["hits"]] == ["Cold chain in Boke"]
    french = client.get("/en/search/", {"q": "froid"})
    titles = [hit.title for hit in french.context["hits"]]
    assert "Chaîne du froid à Boké" not in titles
    assert "Chaîne du froid solaire à Kandi" in titles


def test_english_autocomplete_offers_the_untranslated_lesson(client, two_lessons):
    found = client.get("/en/search/autocomplete/", {"q": "chaine du"}).json()
    assert [r["title"] for r in found["results"]] == ["Chaîne du froid solaire à Kandi"]
    assert found["results"][0]["url"].startswith("/en/")
