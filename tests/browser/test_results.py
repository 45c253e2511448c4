"""A team member reads the published results of a cycle and opens a chart."""

from charts.anonymise import DisplayMode
from tests.browser.conftest import log_in
from tests.cycles.conftest import cycle_index  # noqa: F401 (fixture)
from tests.cycles.test_results import PER_DISTRICT, publish_results, results_cycle

results_cycle = results_cycle  # the fixture, under its own name


def test_member_reads_published_results_and_opens_the_chart(
    page, live_server, member, district, results_cycle
):
    publish_results(results_cycle, [PER_DISTRICT], mode=DisplayMode.PSEUDONYMS)
    log_in(page, live_server.url, member.username)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_extra_http_headers({"Save-Data": "on"})
    page.goto(live_server.url + results_cycle.url)
    page.wait_for_load_state("networkidle")

    results = page.locator("#results")
    assert results.get_by_role("heading", name="Résultats").is_visible()
    table = results.locator("figure.chart table")
    assert table.locator("caption").is_visible()
    assert table.locator("tr.chart__mine").inner_text().startswith("District ")
    assert "(votre district)" in table.inner_text()
    assert not any("plotly" in u for u in requested)

    results.get_by_role("button", name="Afficher le graphique interactif").click()
    page.wait_for_selector("#results .chart__interactive .plot-container")
    assert page.locator("#results .chart__interactive svg.main-svg").count() >= 1
    assert any(u.endswith("plotly-basic.min.js") for u in requested)
    assert all(u.startswith(live_server.url) for u in requested)
    assert "Boké" not in page.locator("#results").inner_text()
    assert page.js_errors == []
