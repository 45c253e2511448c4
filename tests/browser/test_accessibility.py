"""axe-core (WCAG 2.2 AA) on every public page in both languages, at 360 px wide too,
and the keyboard path through the site chrome. Pages come from tests/public_pages.py:
add one line there for each new page type."""

from pathlib import Path

import pytest

from tests.public_page_fixtures import session_cookie
from tests.public_pages import public_pages_params

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NARROW = {"width": 360, "height": 740}

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
}"""


@pytest.fixture
def axe_page(chromium_browser):
    """A page that may inject axe-core despite our CSP (Playwright's bypass_csp)."""
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: run `npm ci`")
    context = chromium_browser.new_context(bypass_csp=True, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG_22_AA)


def horizontal_overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("public_page", public_pages_params())
def test_public_page_meets_wcag_22_aa_and_fits_360_px(
    request, axe_page, live_server, public_page
):
    url = live_server.url + public_page.url(request)
    if user := public_page.signed_in_user(request):
        axe_page.context.add_cookies([session_cookie(user, live_server.url)])
    response = axe_page.goto(url)
    assert response.status == public_page.status
    assert axe_violations(axe_page) == []

    axe_page.set_viewport_size(NARROW)
    axe_page.goto(url)
    assert horizontal_overflow(axe_page) <= 0
    assert axe_violations(axe_page) == []  # reflow: nothing overlaps or hides


def focused(page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          return {tag: el.tagName.toLowerCase(), text: el.textContent.trim(),
                  id: el.id, inside: el.closest("nav, main, header, footer")
                    ?.getAttribute("aria-label") || el.closest("main, footer")
                    ?.tagName.toLowerCase() || ""};
        }"""
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_keyboard_reaches_skip_link_nav_languages_and_main(
    page, live_server, home_page_en, lang
):
    page.goto(f"{live_server.url}/{lang}/search/?q=District")
    stops = []
    for _ in range(25):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    first = stops[0]
    assert first["tag"] == "a" and first["text"] in (
        "Aller au contenu principal",
        "Skip to main content",
    )
    places = [stop["inside"] for stop in stops]
    navigation = "Navigation principale" if lang == "fr" else "Main navigation"
    language = "Langue" if lang == "fr" else "Language"
    assert navigation in places
    assert language in places
    assert "main" in places
    assert places.index(navigation) < places.index(language) < places.index("main")
    assert any(
        stop["text"] == ("English" if lang == "fr" else "Français") for stop in stops
    )


def test_skip_link_moves_focus_to_main_content(page, live_server, home_page):
    page.goto(f"{live_server.url}/fr/")
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).opacity") != "0"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_axe_reports_a_known_violation(axe_page):
    """The check can fail: an image without alternative text is reported."""
    axe_page.set_content(
        '<!DOCTYPE html><html lang="fr"><title>x</title><main><img src="x.png"></main>'
    )
    assert "image-alt" in [v["id"] for v in axe_violations(axe_page)]
