"""Issue 9's journeys through the real UI: a facilitator builds a cycle in the Wagtail
editor, a policymaker finds and downloads a brief, the language switcher keeps the
reader on the same page."""

import pytest

from tests.browser.conftest import log_in


def click_hidden(page, selector):
    """Wagtail tucks "Publish" into the footer's dropdown: press it as the menu would."""
    page.locator(selector).first.evaluate("button => button.click()")


@pytest.mark.parametrize(
    ("lang", "button"),
    [("fr", "Rechercher"), ("en", "Search")],
)
def test_policymaker_searches_filters_and_downloads_a_pdf_brief(
    page, live_server, pp_lessons, policymaker, settings, lang, button
):
    log_in(page, live_server.url, policymaker.username, lang=lang)
    page.goto(f"{live_server.url}/{lang}/search/")
    page.fill("#search-q", "supervision")
    page.press("#search-q", "Enter")
    page.wait_for_load_state("load")
    facet = page.locator(".search-facets a[href*='topic=community-health']").first
    facet.click()
    page.wait_for_load_state("load")
    assert "topic=community-health" in page.url
    assert page.locator(".search-facets [aria-current='true']").count() >= 1
    title = pp_lessons[0 if lang == "fr" else 1].title
    page.get_by_role("link", name=title).first.click()
    page.wait_for_load_state("load")

    brief = page.locator("a[download]").first
    response = page.request.get(live_server.url + brief.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"


def switch_language(page, name):
    page.locator(".language-switcher a", has_text=name).first.click()
    page.wait_for_load_state("load")


def test_language_switcher_keeps_the_reader_on_the_cycle_and_the_lesson(
    page, live_server, pp_cycles, pp_lessons
):
    french, english = pp_cycles[3]
    pairs = [(french.url, english.url), (pp_lessons[0].url, pp_lessons[1].url)]
    for french_url, english_url in pairs:
        page.goto(live_server.url + french_url)
        switch_language(page, "English")
        assert page.url == live_server.url + english_url
        assert page.locator("html").get_attribute("lang") == "en"
        switch_language(page, "Français")
        assert page.url == live_server.url + french_url
        assert page.locator("html").get_attribute("lang") == "fr"
