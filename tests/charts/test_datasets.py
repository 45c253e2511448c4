"""Uploading a dataset: a table people can chart, or an error they can act on."""

import html
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from charts.models import Dataset
from charts.sources import SOURCES, ChartContext, SourceUnavailable, chart_data


def upload(client, name, content, title="Stocks"):
    return client.post(
        reverse("wagtailsnippets_charts_dataset:add"),
        {
            "title": title,
            "source_note": "DHIS2",
            "file": SimpleUploadedFile(name, content),
        },
    )


def xlsx_bytes(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, facilitator):
    client.force_login(facilitator)
    return client


def test_csv_with_semicolons_and_decimal_commas_is_parsed(admin_client):
    content = "District;Stock-outs;Budget\nBanikoara;4;1 200,5\nKandi;2;800\n"
    response = upload(admin_client, "stocks.csv", content.encode("utf-8"))
    assert response.status_code == 302
    dataset = Dataset.objects.get(title="Stocks")
    assert dataset.table["columns"] == ["District", "Stock-outs", "Budget"]
    assert dataset.table["rows"][0] == ["Banikoara", 4.0, 1200.5]


def test_xlsx_is_parsed_and_charted(admin_client):
    content = xlsx_bytes([["Mois", "Consultations"], ["Janvier", 120], ["Février", 95]])
    assert upload(admin_client, "visits.xlsx", content).status_code == 302
    dataset = Dataset.objects.get()
    data = chart_data("dataset", {"dataset": dataset, "columns": ""}, ChartContext())
    assert data.frame["category"].tolist() == ["Janvier", "Février"]
    assert data.frame["value"].tolist() == [120.0, 95.0]
    assert data.metadata["source"] == "DHIS2"


@pytest.mark.parametrize(
    ("name", "content", "french", "english"),
    [
        ("notes.txt", b"a,b\n1,2\n", "extension de fichier", "File extension"),
        ("empty.csv", b"  \n", "Le fichier est vide", "The file is empty"),
        (
            "broken.xlsx",
            b"this is not a spreadsheet",
            "Le fichier Excel n’a pas pu être lu",
            "The Excel file could not be read",
        ),
        (
            "words.csv",
            b"District,Comment\nBanikoara,good\n",
            "Aucune colonne de nombres",
            "No column of numbers",
        ),
        (
            "one.csv",
            b"District\nBanikoara\n",
            "au moins deux colonnes",
            "at least two columns",
        ),
    ],
)
def test_broken_files_get_a_clear_translated_error(
    admin_client, name, content, french, english
):
    for language, expected in (("fr", french), ("en", english)):
        with translation.override(language):
            admin_client.cookies["django_language"] = language
            response = upload(admin_client, name, content)
        assert response.status_code == 200
        assert expected in html.unescape(response.content.decode())
    assert not Dataset.objects.exists()


def test_too_large_file_is_refused(admin_client):
    content = b"District,Value\n" + b"Banikoara,1\n" * 200_000
    response = upload(admin_client, "big.csv", content)
    assert response.status_code == 200
    assert "2 MB" in response.content.decode() or "2 Mo" in response.content.decode()
    assert not Dataset.objects.exists()


def test_unregistered_or_misplaced_sources_say_so(monkeypatch):
    # As without the dhis2 app: its kind is not in the registry.
    monkeypatch.delitem(SOURCES, "dhis2_analytics")
    with translation.override("en"):
        with pytest.raises(SourceUnavailable, match="not available"):
            chart_data("dhis2_analytics", {"query": None}, ChartContext())
        with pytest.raises(
            SourceUnavailable, match="only be charted on a learning cycle"
        ):
            chart_data("survey_question", {"question": "q"}, ChartContext())
