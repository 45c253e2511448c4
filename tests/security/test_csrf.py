"""Every POST is refused without a CSRF token. URLs come from the resolver, so a new
page or form is covered as soon as it is routed."""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.utils import translation

pytestmark = pytest.mark.django_db

# Views that Django REST framework marks csrf_exempt because DRF's SessionAuthentication
# enforces CSRF itself for signed-in users (checked below).
# Wagtail's REST-framework views: the admin API (session + CSRF enforced by DRF) and
# the public read-only API v2, which accepts no POST at all.
DRF_EXEMPT_PREFIXES = ("admin/api/main/", "admin/localize/", "api/v2/")
# RFC 8058 one-click unsubscribe: mail programs POST with no cookie and no token; the
# signed token in the address says who (tests/lessons/test_following.py).
ONE_CLICK_UNSUBSCRIBE = "following/unsubscribe/<str:token>/"
# SMS gateways' inbound webhooks: a server posts, with no cookie; the shared secret
# (SMS_WEBHOOK_SECRET) is checked instead (tests/sms/test_sending.py).
SMS_WEBHOOK = "sms/inbound/<slug:gateway>/"
# django-anymail's inbound webhooks (replies by e-mail): the ESP posts with no cookie;
# its basic auth (ANYMAIL_WEBHOOK_SECRET) and signature say who (checked below and in
# tests/discussions/test_reply_webhooks.py).
ESP_INBOUND_PREFIX = "anymail/"


def routed_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routed_patterns(
                pattern.url_patterns, prefix + str(pattern.pattern)
            )
        else:
            yield prefix + str(pattern.pattern), pattern


def concrete_paths(admin: bool) -> list[str]:
    """Every routed path without parameters (Wagtail's catch-all becomes its root)."""
    with translation.override("fr"):
        routes = [route for route, _pattern in routed_patterns()]
    paths = []
    for route in routes:
        if route.startswith("admin/") != admin:
            continue
        route = route.replace("^((?:[\\w\\-]+/)*)$", "")
        if re.search(r"[<(\\]", route):
            continue
        path = "/" + route.replace("^", "").replace("$", "")
        paths.append(path)
        if path.startswith("/fr/"):  # i18n_patterns resolve in the active language
            paths.append("/en/" + path.removeprefix("/fr/"))
    return sorted(set(paths))


def test_no_view_is_exempt_from_csrf_except_drf_api_views():
    exempt = [
        route
        for route, pattern in routed_patterns()
        if getattr(pattern.callback, "csrf_exempt", False)
    ]
    assert exempt, "expected Wagtail's admin API views"
    assert [
        r
        for r in exempt
        if not r.startswith(DRF_EXEMPT_PREFIXES)
        and not r.endswith(ONE_CLICK_UNSUBSCRIBE)
        and r != SMS_WEBHOOK
        and not (r.startswith(ESP_INBOUND_PREFIX) and r.endswith("inbound(_mime)?/$"))
        and not (r.startswith(ESP_INBOUND_PREFIX) and r.endswith("inbound/"))
    ] == []


def test_discovery_finds_the_known_forms():
    paths = concrete_paths(admin=False)
    for known in ("/fr/login/", "/en/logout/", "/fr/password-reset/", "/fr/search/"):
        assert known in paths


@pytest.mark.parametrize("path", concrete_paths(admin=False))
def test_public_post_without_token_is_refused(path, home_page_en, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    client.get("/fr/login/")  # a CSRF cookie, but no token in the form
    response = client.post(path, {"username": "member-a", "email": member.email})
    if path.startswith("/" + ESP_INBOUND_PREFIX):  # no basic auth: refused all the same
        assert response.status_code in (400, 401), path
        return
    assert response.status_code == 403, path


def test_known_forms_work_with_their_token(home_page, member):
    client = Client(enforce_csrf_checks=True)
    client.get("/fr/password-reset/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/fr/password-reset/", {"email": member.email, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_admin_posts_without_token_are_refused(home_page, facilitator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    paths = concrete_paths(admin=True)
    assert "/admin/login/" in paths and len(paths) > 30
    refused = {path: client.post(path, {}).status_code for path in paths}
    assert {path: code for path, code in refused.items() if code != 403} == {}


def test_drf_admin_api_refuses_a_signed_in_post_without_token(home_page, facilitator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    response = client.post("/admin/api/main/pages/", {})
    assert response.status_code == 403
    assert "CSRF" in response.text


def test_public_api_accepts_no_writes(client, home_page):
    for method in (client.post, client.put, client.delete):
        assert method("/api/v2/lessons/").status_code == 405
