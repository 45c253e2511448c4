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


def test_a_long_table_folds_keeps_its_header_and_finds_the_members_row(
    page,
    live_server,
    member,
    district,
    cycle_index,  # noqa: F811
    monkeypatch,
):
    """Issue 16 at 360 px: a 56–60-row table was 2,200–2,900 px, its header scrolled
    away and the member's row was 52nd. QA: once open, its summary still said
    "Afficher le tableau"; it says "Masquer le tableau"."""
    from districts.factories import DistrictFactory
    from tests.cycles.conftest import make_cycle
    from tests.cycles.test_results import answer

    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    cycle = make_cycle(cycle_index, step=4, slug="long", title="Long cycle")
    for number in range(40):
        answer(cycle, DistrictFactory(country=district.country), number)
    answer(cycle, district, 99)
    publish_results(cycle, [("c1", "stock_outs", "per_district", "table")])
    log_in(page, live_server.url, member.username)
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(live_server.url + cycle.url)
        chart = page.locator("#chart-c1")
        fold = chart.locator("details.chart__fold")
        assert fold.locator("summary").inner_text() == "Afficher le tableau (41 lignes)"
        assert not chart.locator("table").is_visible()  # folded, without JavaScript
        assert chart.bounding_box()["height"] < 400, width

        chart.get_by_role("link", name="Votre district : Banikoara").click()
        mine = page.locator("#chart-c1-your-district")
        assert fold.get_attribute("open") is not None
        # QA: open, the fold still offered to show the table.
        summary = fold.locator("summary")
        assert summary.inner_text() == "Masquer le tableau"
        assert not summary.locator(".chart__fold-show").is_visible()
        assert mine.is_visible() and mine.evaluate("row => row.matches(':target')")
        area = chart.locator(".chart__table--long")
        box = area.bounding_box()
        assert box["height"] <= 0.75 * 740 + 1
        assert area.evaluate("area => area.scrollTop") > 0  # scrolled to the row
        header = chart.locator("thead th").first.bounding_box()
        assert abs(header["y"] - box["y"]) <= 2, (width, header, box)
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        ), width
    assert page.js_errors == []
