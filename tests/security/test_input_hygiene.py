import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "pa\x00lu",
        "\u202eemirc",
        "<script>window.__xss=1</script>",
        "x" * 5000,
        "%00'--",
    ],
)
def test_odd_search_queries_never_fail(client, home_page, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>window.__xss" not in response.text


def test_nul_in_a_login_username_is_refused_not_a_crash(client, home_page):
    response = client.post("/fr/login/", {"username": "a\x00b", "password": "x"})
    assert response.status_code == 200
