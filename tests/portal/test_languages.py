import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("de-DE,de;q=0.9", "/fr/"),  # unsure: French
        ("", "/fr/"),
    ],
)
def test_root_redirects_by_browser_language(
    client, home_page, accept_language, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response.url == expected


def test_home_page_is_served_in_french_and_english(client, home_page_en):
    french = client.get("/fr/")
    english = client.get("/en/")
    assert french.status_code == 200
    assert '<html lang="fr">' in french.text
    assert "Accueil District.Team" in french.text
    assert "Se connecter" in french.text  # interface string translated
    assert english.status_code == 200
    assert '<html lang="en">' in english.text
    assert "District.Team home" in english.text
    assert "Log in" in english.text


def test_language_switcher_links_to_the_translated_page(
    client, home_page, home_page_en, locales
):
    from wagtail.models import Page

    child_fr = home_page.add_child(
        instance=Page(title="À propos", slug="a-propos", locale=locales["fr"])
    )
    child_en = child_fr.copy_for_translation(locales["en"])
    child_en.title, child_en.slug = "About", "about"
    child_en.save_revision().publish()

    french = client.get("/fr/a-propos/")
    assert french.status_code == 200
    assert 'href="/en/about/" hreflang="en"' in french.text
    english = client.get("/en/about/")
    assert 'href="/fr/a-propos/" hreflang="fr"' in english.text


def test_language_switcher_on_a_non_page_view_keeps_the_view(client, home_page_en):
    response = client.get("/fr/login/")
    assert 'href="/en/login/" hreflang="en"' in response.text


def test_untranslated_page_switches_to_the_other_home(
    client, home_page, home_page_en, locales
):
    from wagtail.models import Page

    home_page.add_child(
        instance=Page(title="Seulement FR", slug="seul", locale=locales["fr"])
    )
    response = client.get("/fr/seul/")
    assert 'href="/en/" hreflang="en"' in response.text
