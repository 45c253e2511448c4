"""Issue 12: the site as one bilingual whole — sitemap alternates, login language,
country names, the synthesis on the English page, the machine translator setting."""

import pytest
from wagtail.models import Page

from portal.env import machine_translator_settings

pytestmark = pytest.mark.django_db


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, home_page_en):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/fr/" in xml and "/en/" in xml
    assert 'hreflang="en"' in xml and 'hreflang="fr"' in xml
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in xml


@pytest.mark.parametrize("language", ["en", "fr"])
def test_login_lands_in_the_language_of_the_login_page(
    client, member, home_page_en, language
):
    member.set_password("pw-for-test-1")
    member.save()
    browser = "fr-FR,fr" if language == "en" else "en-GB,en"
    response = client.post(
        f"/{language}/login/",
        {"username": member.username, "password": "pw-for-test-1"},
        HTTP_ACCEPT_LANGUAGE=browser,
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


def test_country_names_follow_the_reader_language(benin):
    from django.utils import translation

    benin.name_en = "Benin"
    with translation.override("en"):
        assert str(benin) == "Benin"
    with translation.override("fr"):
        assert str(benin) == "Bénin"


def test_a_french_synthesis_is_shown_on_the_english_page_with_a_notice(
    client, home_page_en
):
    from cycles.factories import CycleIndexPageFactory, CyclePageFactory
    from cycles.translation import translate_cycle
    from portal.localize import translate_fields

    home_fr = Page.objects.get(locale__language_code="fr", depth=2)
    index = CycleIndexPageFactory(parent=home_fr)
    cycle = CyclePageFactory(parent=index, step=5, slug="synthese")
    translate_fields(
        index, home_page_en.locale, {"title": "Cycles", "slug": "cycles-en"}
    )
    english = translate_cycle(
        cycle, "en", {"title": "Synthesis cycle", "slug": "synthesis"}
    )
    cycle.synthesis = "<p>Les districts retiennent trois leçons.</p>"
    cycle.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert "Les districts retiennent trois leçons." in html
    assert "This synthesis has not been translated yet" in html
    assert 'lang="fr"' in html


def test_the_machine_translator_comes_from_the_environment():
    assert machine_translator_settings("") is None
    libre = machine_translator_settings(
        "libretranslate", url="http://127.0.0.1:5000/", api_key="k"
    )
    assert libre["CLASS"].endswith("LibreTranslator")
    assert libre["OPTIONS"] == {
        "LIBRETRANSLATE_URL": "http://127.0.0.1:5000",
        "API_KEY": "k",
        "TIMEOUT": 10,
    }
    deepl = machine_translator_settings("DeepL", api_key="x", timeout=4)
    assert deepl["OPTIONS"] == {"AUTH_KEY": "x", "TIMEOUT": 4}


def test_english_search_facets_and_counts_name_countries_in_english(benin):
    from search.facets import country_labels

    benin.name_en = "Benin"
    benin.save()
    assert country_labels(["BJ"], "en") == {"BJ": "Benin"}
    assert country_labels(["BJ"], "fr") == {"BJ": "Bénin"}


def test_the_language_switcher_keeps_the_readers_filters(client, home_page_en):
    html = client.get("/fr/?step=3&year=2026").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/en/?step=3&amp;year=2026"' in switcher
