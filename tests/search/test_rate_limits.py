"""Search and autocomplete are rate limited per address (anonymous) or per account."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_limits(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "search": "2/h",
        "autocomplete": "2/h",
    }


def test_search_is_limited_per_address_with_a_translated_page(
    client, home_page, home_page_en, tight_limits
):
    assert client.get("/fr/search/", {"q": "santé"}).status_code == 200
    assert client.get("/fr/search/", {"q": "santé"}).status_code == 200
    refused = client.get("/fr/search/", {"q": "santé"})
    assert refused.status_code == 429
    assert "Trop de requêtes" in refused.content.decode()
    english = client.get("/en/search/", {"q": "health"})
    assert english.status_code == 429
    assert "Too many requests" in english.content.decode()
    # Another address is counted apart.
    other = client.get("/fr/search/", {"q": "santé"}, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200


def test_search_is_counted_per_account_when_signed_in(
    client, home_page, member, teammate, tight_limits
):
    client.force_login(member)
    for _ in range(2):
        client.get("/fr/search/")
    assert client.get("/fr/search/").status_code == 429
    client.force_login(teammate)  # same address, another account
    assert client.get("/fr/search/").status_code == 200


def test_autocomplete_429_is_translated_json(client, home_page, tight_limits):
    url = "/fr/search/autocomplete/"
    assert client.get(url, {"q": "san"}).status_code == 200
    client.get(url, {"q": "sant"})
    refused = client.get(url, {"q": "santé"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "Trop de requêtes" in refused.json()["message"]
