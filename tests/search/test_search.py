import datetime

import pytest

from lessons.taxonomy import LessonType
from search.models import SearchEntry
from tests.search.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons(make_lesson, benin, guinea):
    return [
        make_lesson(
            title="Santé maternelle à Banikoara",
            summary="<p>Les accouchements assistés ont augmenté.</p>",
            topics=["maternal-health"],
            countries=[benin],
            lesson_type=LessonType.GOOD_PRACTICE,
            date=datetime.date(2025, 6, 1),
        ),
        make_lesson(
            title="Stock de vaccins à Boké",
            summary="<p>La santé des enfants dépend de la chaîne du froid.</p>",
            topics=["immunisation", "medicines"],
            countries=[guinea],
            lesson_type=LessonType.POLICY_BRIEF,
            date=datetime.date(2026, 2, 1),
        ),
        make_lesson(
            title="Paludisme et relais communautaires",
            summary="<p>Les relais distribuent des moustiquaires.</p>",
            topics=["malaria", "community-health"],
            countries=[benin, guinea],
            lesson_type=LessonType.GOOD_PRACTICE,
            date=datetime.date(2026, 4, 1),
        ),
    ]


def facet(response, name):
    group = next(g for g in response.context["facet_groups"] if g.name == name)
    return {link.label: (link.count, link.selected) for link in group.links}


def test_publishing_a_lesson_indexes_it(lessons):
    assert SearchEntry.objects.filter(language="fr").count() == 3


def test_accent_insensitive_search_finds_sante(client, lessons):
    response = client.get("/fr/search/", {"q": "sante"})
    titles = [hit.title for hit in response.context["hits"]]
    assert set(titles) == {"Santé maternelle à Banikoara", "Stock de vaccins à Boké"}
    html = response.content.decode()
    assert "<mark>Santé</mark> maternelle" in html
    assert "La <mark>santé</mark> des enfants" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vaccin", "Stock de vaccins à Boké"),  # the case seen: it found nothing
        ("Vaccins", "Stock de vaccins à Boké"),
        ("moustiquaire", "Paludisme et relais communautaires"),
        ("relai communautaire", "Paludisme et relais communautaires"),
        ("accouchement assisté", "Santé maternelle à Banikoara"),
    ],
)
def test_a_word_finds_its_plural_and_its_singular(client, lessons, query, expected):
    """Tried: the singular of a word the lesson has in the plural, and the reverse;
    the match is highlighted in the results."""
    response = client.get("/fr/search/", {"q": query})
    assert [hit.title for hit in response.context["hits"]] == [expected]
    assert "<mark>" in response.content.decode()


def test_hopital_and_hopitaux_find_each_other(client, make_lesson):
    make_lesson(title="Les hôpitaux de district", summary="<p>Référence.</p>")
    make_lesson(title="Un hôpital de zone", summary="<p>Contre-référence.</p>")
    for query in ("hopital", "hôpitaux"):
        response = client.get("/fr/search/", {"q": query})
        assert len(response.context["hits"]) == 2, query


def test_short_words_are_not_widened(client, make_lesson):
    """A two- or three-letter word matches only itself: "vih" must not find "vihx"."""
    make_lesson(title="Dépistage du VIH", summary="<p>Conseil.</p>")
    make_lesson(title="Le mot vihara", summary="<p>Sans rapport.</p>")
    response = client.get("/fr/search/", {"q": "vih"})
    assert [hit.title for hit in response.context["hits"]] == ["Dépistage du VIH"]


def test_facets_count_and_combine(client, lessons):
    response = client.get("/fr/search/")
    assert response.context["results"].total == 3
    assert facet(response, "type")["Bonne pratique"] == (2, False)
    assert facet(response, "country") == {"Bénin": (2, False), "Guinée": (2, False)}
    assert facet(response, "year") == {"2026": (2, False), "2025": (1, False)}

    response = client.get("/fr/search/", {"type": "good-practice", "country": "GN"})
    assert [hit.title for hit in response.context["hits"]] == [
        "Paludisme et relais communautaires"
    ]
    assert facet(response, "type") == {"Bonne pratique": (1, True)}
    assert facet(response, "topic") == {
        "Paludisme": (1, False),
        "Santé communautaire": (1, False),
    }

    response = client.get("/fr/search/", {"q": "sante", "topic": "medicines"})
    assert response.context["results"].total == 1


def test_date_order_and_pagination(client, make_lesson):
    for day in range(1, 13):
        make_lesson(title=f"Supervision {day}", date=datetime.date(2026, 1, day))
    response = client.get("/fr/search/", {"q": "supervision", "order": "date"})
    assert response.context["results"].total == 12
    assert response.context["hits"][0].title == "Supervision 12"
    assert len(response.context["hits"]) == 10
    second = client.get("/fr/search/", {"q": "supervision", "order": "date", "page": 2})
    assert [h.title for h in second.context["hits"]] == [
        "Supervision 2",
        "Supervision 1",
    ]


def test_english_search_never_returns_french_pages(
    client, lessons, library_en, locales
):
    translate(lessons[0], locales["en"], title="Maternal health in Banikoara")
    response = client.get("/en/search/", {"q": "banikoara"})
    assert [hit.title for hit in response.context["hits"]] == [
        "Maternal health in Banikoara"
    ]
    assert all(hit.url.startswith("/en/") for hit in response.context["hits"])
    french = client.get("/fr/search/", {"q": "banikoara"})
    assert [hit.title for hit in french.context["hits"]] == [
        "Santé maternelle à Banikoara"
    ]


def test_unpublishing_removes_from_results(client, lessons):
    lessons[0].unpublish()
    response = client.get("/fr/search/", {"q": "banikoara"})
    assert response.context["results"].total == 0
    assert "Aucun résultat pour «\u00a0banikoara\u00a0»" in response.content.decode()


def test_hostile_queries_are_inert(client, lessons):
    for query in [
        '<script>alert("x")</script>',
        'santé" OR 1=1 --',
        "NEAR(sante paludisme) title:* ^ {}",
        "'; DROP TABLE search_searchentry; --",
        "\x00\x01 %%% ***",
    ]:
        response = client.get("/fr/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()
    assert SearchEntry.objects.count() == 3


def test_long_query_is_capped_not_refused(client, lessons):
    response = client.get("/fr/search/", {"q": "sante " + "x" * 5000})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 1000


def test_unknown_facet_values_and_bad_page_numbers_are_harmless(client, lessons):
    response = client.get("/fr/search/", {"topic": "nope", "page": "zzz"})
    assert response.status_code == 200
    assert "Aucun résultat avec ces filtres." in response.content.decode()


def test_autocomplete_returns_titles_in_the_active_language(client, lessons):
    response = client.get("/fr/search/autocomplete/", {"q": "palud"})
    assert (
        response.json()["results"][0]["title"] == "Paludisme et relais communautaires"
    )
    # Not translated yet: English readers are offered the French lesson (issue 12).
    english = client.get("/en/search/autocomplete/", {"q": "palud"}).json()
    assert [r["title"] for r in english["results"]] == [
        "Paludisme et relais communautaires"
    ]


def test_search_page_loads_its_script_without_inline_code(client, lessons):
    html = client.get("/fr/search/").content.decode()
    assert "js/search-autocomplete.js" in html
    assert "onclick" not in html


def test_query_of_1000_characters_is_cut_on_a_word_boundary(client, lessons):
    """A pasted query longer than the limit loses its last whole words, not half a
    word that matches nothing (issue #16)."""
    query = "paludisme relais " * 60  # 1,020 characters: 1,000 falls inside a word
    assert query[999].isalpha() and query[1000].isalpha()
    response = client.get("/fr/search/", {"q": query})
    titles = [hit.title for hit in response.context["hits"]]
    assert titles == ["Paludisme et relais communautaires"]
