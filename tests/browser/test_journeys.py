"""Issue 9's journeys through the real UI: a facilitator builds a cycle in the Wagtail
editor, a policymaker finds and downloads a brief, the language switcher keeps the
reader on the same page."""

import pytest

from cycles.models import CyclePage, SurveyQuestion
from tests.browser.conftest import log_in
from tests.cycles.test_xlsform import GOOD_SURVEY, workbook


def click_hidden(page, selector):
    """Wagtail tucks "Publish" into the footer's dropdown: press it as the menu would."""
    page.locator(selector).first.evaluate("button => button.click()")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_facilitator_creates_a_cycle_and_imports_an_xlsform_in_the_editor(
    page, live_server, pp_cycle_index, facilitator, tmp_path, lang
):
    log_in(page, live_server.url, facilitator.username, lang=lang)
    page.goto(
        f"{live_server.url}/admin/pages/add/cycles/cyclepage/{pp_cycle_index.pk}/"
    )
    page.fill("#id_title", "Cycle créé dans l'éditeur")
    page.fill("#id_summary", "Un cycle préparé par la facilitatrice.")
    page.locator("#id_title").blur()
    page.locator("#id_slug").evaluate("slug => { slug.value = 'cycle-editeur'; }")
    with page.expect_navigation():
        click_hidden(page, "button[name='action-publish']")
    page.wait_for_load_state("load")
    cycle = CyclePage.objects.get(title="Cycle créé dans l'éditeur")
    assert cycle.live

    page.goto(f"{live_server.url}/admin/cycles/{cycle.pk}/import-xlsform/")
    page.set_input_files(
        "input[type=file]", workbook(tmp_path / "cycle.xlsx", GOOD_SURVEY)
    )
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    names = list(
        SurveyQuestion.objects.filter(page=cycle).values_list("name", flat=True)
    )
    assert "stock_outs" in names and "causes" in names

    page.goto(live_server.url + cycle.url)
    assert page.locator("h1").inner_text() == "Cycle créé dans l'éditeur"
    assert page.js_errors == []


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
