"""QA: every chart's source line said "Données au 2026-12-02." / "Data as of
2026-12-02.", an ISO date the rest of the site never shows a reader."""

import pytest
from django.utils import translation

from charts.models import ChartSnapshot
from tests.charts.conftest import DisplayMode, render_charts, store_charts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fr", "Données au 2 déc. 2026."), ("en", "Data as of 2 Dec. 2026.")],
)
def test_qa_the_source_line_dates_the_data_in_the_readers_language(
    home_page, districts_responses, monkeypatch, language, shown
):
    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    stream = store_charts(home_page, districts_responses, DisplayMode.NAMES, "c1")
    snapshot = ChartSnapshot.objects.get()
    snapshot.data["metadata"]["date"] = "2026-12-02"
    snapshot.save()
    with translation.override(language):
        html = render_charts(home_page, stream)
    assert shown in html
    assert "2026-12-02." not in html


def test_qa_a_stored_date_that_is_not_one_is_left_out(
    home_page, districts_responses, monkeypatch
):
    """A DHIS2 or dataset loader storing something else never breaks the chart."""
    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    stream = store_charts(home_page, districts_responses, DisplayMode.NAMES, "c1")
    snapshot = ChartSnapshot.objects.get()
    snapshot.data["metadata"]["date"] = "décembre"
    snapshot.save()
    with translation.override("fr"):
        html = render_charts(home_page, stream)
    assert "Ruptures de stock c1" in html and "Données au" not in html
