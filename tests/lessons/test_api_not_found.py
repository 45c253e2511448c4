"""Unknown lessons and unknown paths under /api/ answer a JSON 404, not a redirect
to the HTML "page not found" of a language (issue #16)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "message"),
    [
        ("fr", "Aucune leçon publiée n’a cet identifiant."),
        ("en", "No published lesson has this identifier."),
    ],
)
def test_unknown_lesson_answers_json_404(client, make_lesson, accept_language, message):
    response = client.get(
        "/api/v2/lessons/999999/", HTTP_ACCEPT_LANGUAGE=accept_language
    )
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"message": message}


@pytest.mark.parametrize(
    ("accept_language", "detail"),
    [("fr", "Adresse inconnue de l’API."), ("en", "Unknown API address.")],
)
def test_unknown_api_path_answers_translated_json_404(
    client, home_page, accept_language, detail
):
    response = client.get("/api/v2/nothing-here/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": detail}
    response = client.get("/api/other/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 404
    assert response.json() == {"detail": detail}
