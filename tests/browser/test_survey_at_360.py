"""Issue 16 on a cheap Android phone, 360 px wide: a failed submit brings the reader
to the error summary and each error to its field; the 1–5 scale is one row with
words for its ends; a member reaches the questionnaire from the top."""

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_accessibility import axe_page, axe_violations  # noqa: F401
from tests.cycles.conftest import (  # noqa: F401 (fixtures)
    cycle,
    cycle_en,
    cycle_index,
    make_cycle,
)

PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def open_cycle(home_page, district):
    """The district exists before the answers open: it takes part in the cycle."""
    from cycles.factories import CycleIndexPageFactory

    return make_cycle(CycleIndexPageFactory(parent=home_page))


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => {
          const box = document.querySelector(selector).getBoundingClientRect();
          // An anchor lands on whole pixels: a top of -0.44 px is on screen.
          return box.top > -1 && box.top < window.innerHeight && box.height > 0;
        }""",
        selector,
    )


def active_id(page) -> str:
    return page.evaluate("document.activeElement.id")


@pytest.mark.parametrize(
    ("lang", "submit", "summary_text"),
    [
        ("fr", "Soumettre les réponses de notre district", "Nombre de ruptures"),
        ("en", "Submit our district's answers", "Number of stock-outs"),
    ],
)
def test_failed_submit_focuses_the_error_summary_and_its_links_focus_the_fields(
    request, page, live_server, district, member, lang, submit, summary_text
):
    target = request.getfixturevalue("cycle_en" if lang == "en" else "cycle")
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, member.username, lang=lang)
    page.goto(f"{live_server.url}{target.url}")
    page.locator("#id_comment").fill("Livraison en retard")
    page.locator("#id_had_stock_out_0").check()  # yes: the cause becomes required
    page.get_by_role("button", name=submit).click()
    page.wait_for_load_state("networkidle")

    assert active_id(page) == "survey-errors"
    assert in_viewport(page, "#survey-errors")
    summary = page.locator("#survey-errors")
    assert summary_text in summary.inner_text()
    assert page.locator("#id_comment").input_value() == "Livraison en retard"

    summary.locator('a[href="#id_stock_outs"]').click()
    assert active_id(page) == "id_stock_outs"
    assert in_viewport(page, "#id_stock_outs")
    summary.locator('a[href="#id_cause_0"]').click()
    assert active_id(page) == "id_cause_0"
    # The question (its legend) is in view above the option, not cut off.
    assert in_viewport(page, '[data-question="cause"] legend')
    assert page.js_errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_scale_is_one_row_of_five_with_words_for_its_ends(
    page, live_server, open_cycle, member, viewport
):
    page.set_viewport_size(viewport)
    log_in(page, live_server.url, member.username)
    page.goto(f"{live_server.url}{open_cycle.url}")
    radios = page.locator('[data-question="confidence"] input[type=radio]')
    assert radios.count() == 5
    tops = {round(radios.nth(i).bounding_box()["y"]) for i in range(5)}
    assert len(tops) == 1, tops
    ends = page.locator("#id_confidence_ends")
    assert ends.get_by_text("1 = pas du tout").is_visible()
    assert ends.get_by_text("5 = tout à fait").is_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.get_by_label("4", exact=True).check()
    assert radios.nth(3).is_checked()


def test_member_reaches_the_questionnaire_from_the_first_screen(
    page, live_server, open_cycle, member
):
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, member.username)
    page.goto(f"{live_server.url}{open_cycle.url}")
    link = page.locator("header.hero a[href='#survey']")
    assert link.inner_text() == "Répondre au questionnaire"
    assert in_viewport(page, "header.hero a[href='#survey']")
    link.click()
    assert in_viewport(page, "#survey-title")


def test_failed_submit_page_meets_wcag_22_aa_at_360_px(
    request, live_server, district, member
):
    from tests.public_page_fixtures import session_cookie

    checked = request.getfixturevalue("axe_page")  # a page that may inject axe
    survey = request.getfixturevalue("cycle")

    checked.context.add_cookies([session_cookie(member, live_server.url)])
    checked.set_viewport_size(PHONE)
    checked.goto(f"{live_server.url}{survey.url}")
    checked.locator("#id_had_stock_out_0").check()
    checked.get_by_role(
        "button", name="Soumettre les réponses de notre district"
    ).click()
    checked.wait_for_load_state("networkidle")
    assert checked.locator("#survey-errors a").count() == 2
    assert axe_violations(checked) == []
