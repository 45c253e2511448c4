"""What operators and readers see when things go wrong."""

import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down():
    """Point the connection at a database that cannot be opened, then restore it."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        connection.settings_dict["PORT"] = "1"
        connection.settings_dict["HOST"] = "127.0.0.1"
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)
    connection.connect()


def test_healthz_answers_ok_while_the_database_answers(client):
    response = client.get("/healthz/")
    assert response.status_code == 200 and response.content == b"ok"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_answers_503_when_the_database_is_down(client, database_down):
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert b"database" in response.content


@pytest.mark.parametrize(
    ("lang", "title"),
    [("fr", "Ce formulaire a expiré"), ("en", "This form has expired")],
)
def test_a_csrf_failure_shows_the_sites_translated_page(home_page_en, lang, title):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{lang}/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert title in html
    assert "CSRF verification failed" not in html
    assert f'lang="{lang}"' in html
