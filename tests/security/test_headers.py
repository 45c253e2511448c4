import pytest

from tests.public_pages import public_pages_params
from tests.security.headers import (
    assert_secure_cookies,
    assert_secure_headers,
    assert_transport_headers,
    header_nonce,
    script_tags,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("public_page", public_pages_params())
def test_every_public_page_sends_the_security_headers(
    request, https_client, public_page
):
    url = public_page.url(request)
    if user := public_page.signed_in_user(request):
        https_client.force_login(user)
    response = https_client.get(url, secure=True)
    assert response.status_code == public_page.status
    if public_page.admin:
        assert_transport_headers(response)
        assert_secure_cookies(response)
    else:
        assert_secure_headers(response)


def test_the_nonce_changes_on_every_response_and_matches_the_script(
    https_client, home_page
):
    first = https_client.get("/fr/", secure=True)
    second = https_client.get("/fr/", secure=True)
    assert header_nonce(first) != header_nonce(second)
    nonces = [s.get("nonce") for s in script_tags(first.text)]
    assert header_nonce(first) in nonces


def test_plain_http_is_redirected_to_https(client, production_settings, home_page):
    response = client.get("/fr/", HTTP_HOST="localhost")
    assert response.status_code == 301
    assert response["Location"] == "https://localhost/fr/"


def test_health_check_stays_reachable_over_http(client, production_settings):
    assert client.get("/healthz/").status_code == 200


def test_session_and_csrf_cookies_are_secure_after_login(
    https_client, member, home_page
):
    login_page = https_client.get("/fr/login/", secure=True)
    assert_secure_cookies(login_page)
    assert login_page.cookies["csrftoken"]["secure"]
    response = https_client.post(
        "/fr/login/",
        {"username": member.username, "password": "district-team-test"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"


def test_wagtail_admin_keeps_transport_headers(https_client, home_page):
    response = https_client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert_transport_headers(response)
    assert_secure_cookies(response)


def test_the_wagtail_admin_has_its_own_content_security_policy(https_client, home_page):
    response = https_client.get("/admin/login/", secure=True)
    policy = response["Content-Security-Policy"]
    assert "object-src 'none'" in policy and "form-action 'self'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "nonce-" not in policy  # a nonce would switch Wagtail's inline scripts off
    public = https_client.get("/fr/login/", secure=True)["Content-Security-Policy"]
    assert "'unsafe-inline'" not in public.split("script-src")[1].split(";")[0]
