"""Chart blocks: table first, no plotly on first view, downloads, pseudonyms."""

import json
import re

import pytest
from django.urls import reverse

from charts import factories
from charts.anonymise import DisplayMode
from charts.models import ChartSnapshot
from charts.selectors import chart_urls
from charts.services import refresh_snapshot
from charts.sources import ChartContext
from tests.charts.conftest import (
    REAL_NAMES,
    STREAM,
    chart_stream,
    render_charts,
    store_charts,
)


def test_every_chart_has_an_accessible_table(home_page, districts_responses):
    stream = store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1", "a2")
    html = render_charts(home_page, stream)
    assert html.count("<table>") == 2
    assert html.count("<caption>Ruptures de stock") == 2
    assert '<th scope="col">District</th>' in html
    assert '<th scope="row">Banikoara' in html
    assert "3 districts sur 4 ont répondu" not in html  # all four answered
    assert "4 districts sur 4 ont répondu" in html
    assert "Source\u00a0:" in html and "Enquête du cycle" in html


def test_first_view_loads_no_plotly(home_page, districts_responses):
    stream = store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1", "a2")
    html = render_charts(home_page, stream)
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == [scripts[0]] and "js/charts.js" in scripts[0]  # our loader, once
    assert not any("plotly" in tag for tag in scripts)
    assert "Afficher le graphique interactif" in html
    assert 'data-autoload="true"' in html


def test_save_data_header_turns_off_automatic_loading(home_page, districts_responses):
    stream = store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1")
    html = render_charts(home_page, stream, headers={"Save-Data": "on"})
    assert 'data-autoload="false"' in html


@pytest.mark.parametrize("mode", [DisplayMode.PSEUDONYMS, DisplayMode.COUNTRIES])
def test_no_real_district_name_leaks_anywhere(
    client, home_page, districts_responses, member, mode
):
    stream = store_charts(home_page, districts_responses, mode, "a1")
    snapshot = ChartSnapshot.objects.get()
    urls = chart_urls(snapshot)
    outputs = {
        "html": render_charts(home_page, stream, user=member),
        "csv": client.get(urls["csv"]).content.decode("utf-8-sig"),
        "json": client.get(urls["json"]).content.decode(),
        "figure": client.get(urls["figure"]).content.decode(),
        "embed": client.get(urls["embed"]).content.decode(),
        "stored figure": json.dumps(snapshot.figure, ensure_ascii=False),
    }
    if snapshot.image:
        outputs["svg"] = snapshot.image.read().decode()
    for where, text in outputs.items():
        for name in REAL_NAMES:
            assert name not in text, f"{name} leaked in the {where}"
    if mode == DisplayMode.PSEUDONYMS:
        assert "District A" in outputs["csv"] and "District D" in outputs["json"]
        assert "District A" in outputs["html"]
        # The member's own district is marked as theirs, under its pseudonym.
        assert "(votre district)" in outputs["html"]
        if "svg" in outputs:
            assert "District A" in outputs["svg"]
    else:
        assert "Bénin" in outputs["csv"] and "Guinée" in outputs["html"]


def test_pseudonyms_are_the_same_in_every_chart_and_download(
    client, home_page, districts_responses
):
    stream = store_charts(
        home_page, districts_responses, DisplayMode.PSEUDONYMS, "a1", "a2"
    )
    first, second = (
        json.loads(client.get(chart_urls(s)["json"]).content)["data"]
        for s in ChartSnapshot.objects.order_by("block_id")
    )
    assert first == second
    by_value = {row["value"]: row["category"] for row in first}
    html = render_charts(home_page, stream)
    assert f'<th scope="row">{by_value[9.0]}</th><td>9</td>' in html


def test_downloads_carry_metadata(client, home_page, districts_responses):
    store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1")
    urls = chart_urls(ChartSnapshot.objects.get())
    response = client.get(urls["csv"])
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "# source,Enquête du cycle" in text
    assert "# cycle,Cycle stocks" in text
    assert "# question,Stock-outs last quarter" in text
    assert "# n,4" in text and "# N,4" in text
    assert "Banikoara,4" in text
    payload = json.loads(client.get(urls["json"]).content)
    assert payload["metadata"]["question"] == "Stock-outs last quarter"
    assert payload["metadata"]["date"]
    assert {
        "category": "Boké",
        "series": "Stock-outs last quarter",
        "value": 9.0,
    } in payload["data"]


def test_embed_can_be_framed_elsewhere(client, home_page, districts_responses):
    store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1")
    response = client.get(chart_urls(ChartSnapshot.objects.get())["embed"])
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "<table>" in response.content.decode()


def test_downloads_of_an_unpublished_page_are_not_found(
    client, home_page, districts_responses
):
    store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1")
    home_page.unpublish()
    urls = chart_urls(ChartSnapshot.objects.get())
    assert client.get(urls["csv"]).status_code == 404
    assert client.get(urls["json"]).status_code == 404


def test_all_charts_of_a_page_cost_one_query_then_none_from_the_cache(
    home_page, districts_responses, django_assert_num_queries
):
    few = store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1")
    with django_assert_num_queries(1):
        render_charts(home_page, few)
    # Storing charts renews the site's cache: the next reader reads them once.
    many = store_charts(
        home_page, districts_responses, DisplayMode.NAMES, "b1", "b2", "b3", "b4"
    )
    with django_assert_num_queries(1):
        render_charts(home_page, many)
    with django_assert_num_queries(0):
        render_charts(home_page, many)


def test_unavailable_source_shows_its_reason(home_page):
    stream = chart_stream("s1")
    child = stream[0]
    refresh_snapshot(home_page, child.id, child.value, ChartContext(page=home_page))
    html = render_charts(home_page, stream)
    assert "que sur un cycle d&#x27;apprentissage" in html
    assert "<table>" not in html


def test_chart_not_yet_computed_says_so(home_page):
    html = render_charts(home_page, chart_stream("new"))
    assert "en cours de préparation" in html


def test_table_only_chart_has_no_image_nor_interactive_button(
    home_page, districts_responses
):
    stream = store_charts(
        home_page, districts_responses, DisplayMode.NAMES, "t1", chart_type="table"
    )
    html = render_charts(home_page, stream)
    assert "<table>" in html
    assert "<img" not in html and "chart__show" not in html
    assert not ChartSnapshot.objects.get().image


def test_dataset_chart_through_the_registry(home_page):
    from charts.models import Dataset

    dataset = Dataset.objects.create(
        title="Consultations",
        source_note="DHIS2, 2026",
        table={
            "columns": ["Mois", "Consultations"],
            "rows": [["Janvier", 120], ["Février", 95]],
        },
    )
    stream = factories.chart_stream(
        [
            factories.chart_block(
                "d1",
                "Consultations par mois",
                factories.dataset_source(dataset),
                chart_type="line",
            )
        ],
        STREAM,
    )
    child = stream[0]
    snapshot = refresh_snapshot(
        home_page, child.id, child.value, ChartContext(page=home_page)
    )
    assert snapshot.unavailable_reason == ""
    assert snapshot.figure["data"][0]["type"] == "scatter"
    html = render_charts(home_page, stream)
    assert '<th scope="row">Janvier</th><td>120</td>' in html
    assert "DHIS2, 2026" in html


def test_static_plotly_bundle_is_served_from_our_host(client):
    from django.contrib.staticfiles import finders

    path = finders.find("vendor/plotly/plotly-basic.min.js")
    assert path and path.endswith("plotly-basic.min.js")
    assert reverse(
        "charts:csv",
        kwargs={
            "translation_key": "00000000-0000-0000-0000-000000000000",
            "language": "fr",
            "block_id": "x",
        },
    )


def test_publishing_a_page_without_charts_forgets_their_snapshots(
    home_page, districts_responses
):
    store_charts(home_page, districts_responses, DisplayMode.NAMES, "gone")
    assert ChartSnapshot.objects.count() == 1
    home_page.save_revision().publish()  # the task runs at once in tests
    assert not ChartSnapshot.objects.exists()


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("fr", 'data-plotly-locale="fr" data-plotly-locale-src="/static/js/vendor/'),
        ("en", ""),
    ],
)
def test_french_charts_bring_plotlys_french_locale(
    home_page, districts_responses, language, locale
):
    """Issue 16: plotly's toolbar was in English on French pages; French charts
    now name plotly's French locale file (served from our host), English ones none."""
    from django.contrib.staticfiles import finders
    from django.utils import translation

    stream = store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1")
    with translation.override(language):
        html = render_charts(home_page, stream)
    if locale:
        assert locale in html
        assert finders.find("js/vendor/plotly-locale-fr.js")
    else:
        assert "data-plotly-locale" not in html
