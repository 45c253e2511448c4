"""The interactive chart loads only when asked for, from our own host."""

from django.conf import settings

from charts.anonymise import DisplayMode
from charts.models import ChartSnapshot
from charts.selectors import chart_urls
from tests.charts import conftest as chart_fixtures
from tests.charts.conftest import store_charts

districts_responses = chart_fixtures.districts_responses


def test_reader_asks_for_the_interactive_chart(
    page, live_server, home_page, districts_responses
):
    store_charts(home_page, districts_responses, DisplayMode.PSEUDONYMS, "c1")
    url = live_server.url + chart_urls(ChartSnapshot.objects.get())["page"]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # A reader who asked to save data: nothing loads by itself.
    page.set_extra_http_headers({"Save-Data": "on"})
    page.goto(url)
    page.wait_for_load_state("networkidle")

    assert page.locator("figure.chart table caption").is_visible()
    assert page.locator("script[src*=plotly]").count() == 0
    assert not any("plotly" in u for u in requested)
    assert not any(not u.startswith(live_server.url) for u in requested)

    page.get_by_role("button", name="Afficher le graphique interactif").click()
    page.wait_for_selector(".chart__interactive .plot-container")
    assert page.locator(".chart__interactive svg.main-svg").count() >= 1
    assert any(u.endswith("plotly-basic.min.js") for u in requested)
    assert all(u.startswith(live_server.url) for u in requested)
    assert page.locator(".chart__interactive").inner_text().count("District") >= 1
    assert page.js_errors == []


def test_first_view_never_fetches_plotly_and_the_choice_is_remembered(
    page, live_server, home_page, districts_responses
):
    """Issue 20: on a fast connection the charts script fetched plotly by itself
    (~330 kB of a reader's data bundle). Now only a reader's click does, and this
    device remembers it; focus stays on the opened chart (issue 16)."""
    store_charts(home_page, districts_responses, DisplayMode.PSEUDONYMS, "c1")
    url = live_server.url + chart_urls(ChartSnapshot.objects.get())["page"]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert not any("plotly" in u for u in requested)

    page.get_by_role("button", name="Afficher le graphique interactif").click()
    page.wait_for_selector(".chart__interactive .plot-container")
    focused = page.evaluate("document.activeElement.className")
    assert "chart__interactive" in focused

    requested.clear()
    page.goto(url)
    page.wait_for_selector(".chart__interactive .plot-container")
    assert any(u.endswith("plotly-basic.min.js") for u in requested)
    assert page.js_errors == []


# plotly.js 4's modebar buttons, as it names them in English.
PLOTLY_ENGLISH_TITLES = {
    "Autoscale",
    "Box Select",
    "Compare data on hover",
    "Download plot",
    "Download plot as a PNG",
    "Download plot as a SVG",
    "Download plot as JSON",
    "Lasso Select",
    "Pan",
    "Produced with Plotly.js",
    "Reset",
    "Reset axes",
    "Share chart...",
    "Show closest data on hover",
    "Toggle Spike Lines",
    "Toggle show closest data on hover",
    "Zoom",
    "Zoom in",
    "Zoom out",
}


def _modebar_titles(page, url) -> list[str]:
    page.goto(url)
    page.locator(".chart__show").click()
    page.wait_for_selector(".chart__interactive .modebar-btn", state="attached")
    return page.eval_on_selector_all(
        ".chart__interactive .modebar-btn",
        "buttons => buttons.map(b => b.getAttribute('data-title'))",
    )


def test_the_interactive_charts_toolbar_speaks_the_pages_language(
    page, live_server, home_page, districts_responses
):
    """Issue 16: plotly's toolbar was in English on French pages. QA: its second
    button, "Share chart...", was English on French pages too, and offered (in
    every language) to upload the district's data to Plotly's Chart Studio."""
    store_charts(home_page, districts_responses, DisplayMode.PSEUDONYMS, "c1")
    url = live_server.url + chart_urls(ChartSnapshot.objects.get())["page"]
    french = _modebar_titles(page, url)
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert "Télécharger le graphique en fichier PNG" in french
    assert None not in french
    # "Zoom" is French too.
    assert set(french) & (PLOTLY_ENGLISH_TITLES - {"Zoom"}) == set()
    assert not [title for title in french if "Share" in title or "Plotly" in title]

    page.evaluate("window.localStorage.clear()")  # asked for again, by a click
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}]
    )
    english = _modebar_titles(page, url)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "Download plot as a PNG" in english
    assert "Share chart..." not in english
    assert page.js_errors == []
