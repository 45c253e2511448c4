"""Hostile text shown back on every page that exists so far stays inert in Chromium."""

from urllib.parse import quote

import pytest
from wagtail.models import Page

from home.models import HomePage
from tests.browser.hostile import HOSTILE_PAYLOADS, assert_inert


@pytest.fixture
def unprotected_page(chromium_browser):
    """A page whose context ignores our CSP: escaping alone must keep payloads inert."""
    context = chromium_browser.new_context(bypass_csp=True, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_there_are_at_least_25_payloads():
    assert len({p.name for p in HOSTILE_PAYLOADS}) == len(HOSTILE_PAYLOADS) >= 25


def test_search_queries_are_reflected_inert(
    unprotected_page, live_server, home_page_en
):
    for payload in HOSTILE_PAYLOADS:
        for lang in ("fr", "en"):
            url = f"{live_server.url}/{lang}/search/?q={quote(payload.text)}"
            assert_inert(unprotected_page, url, payload)


def test_search_queries_are_inert_under_the_csp_too(page, live_server, home_page):
    for payload in HOSTILE_PAYLOADS:
        url = f"{live_server.url}/fr/search/?q={quote(payload.text)}"
        assert_inert(page, url, payload)


def test_page_titles_and_intros_are_inert(unprotected_page, live_server, home_page):
    plain = home_page.add_child(
        instance=Page(title="Plain", slug="plain", show_in_menus=True)
    )
    for payload in HOSTILE_PAYLOADS:
        HomePage.objects.filter(pk=home_page.pk).update(
            title=payload.for_field(255),
            intro=payload.for_field(10_000),
            search_description=payload.for_field(10_000),
        )
        Page.objects.filter(pk=plain.pk).update(
            title=payload.for_field(255), search_description=payload.for_field(10_000)
        )
        assert_inert(unprotected_page, f"{live_server.url}/fr/", payload)
        assert_inert(unprotected_page, f"{live_server.url}/fr/plain/", payload)


def test_login_username_echo_is_inert(unprotected_page, live_server, home_page):
    def submitter(text):
        def submit(page):
            page.fill("#id_username", text)
            page.fill("#id_password", "wrong-password")
            page.click("form.stack-form button[type=submit]")

        return submit

    for payload in HOSTILE_PAYLOADS:
        submit = submitter(payload.for_field(10_000))

        assert_inert(
            unprotected_page, f"{live_server.url}/fr/login/", payload, post=submit
        )


# Payloads that are only dangerous inside an attribute value or a template engine;
# dropped raw into HTML text they stay text.
CONTEXT_ONLY = {
    "attribute-injection",
    "django-variable",
    "template-literal",
    "unicode-escapes",
}


def test_the_check_catches_each_payload_rendered_unescaped(unprotected_page):
    """The harness can fail: each payload pasted raw into HTML is caught."""
    missed = []
    for payload in HOSTILE_PAYLOADS:
        if payload.name in CONTEXT_ONLY:
            continue
        raw = "<!DOCTYPE html><title>x</title><p>" + payload.text
        try:
            assert_inert(unprotected_page, "data:text/html," + quote(raw), payload)
        except AssertionError:
            continue
        missed.append(payload.name)
    assert missed == []
