import csv
import io

import pytest
from openpyxl import load_workbook

from cycles.services import save_draft, submit_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(cycle, district, other_district, member, other_member):
    submit_response(
        cycle,
        district,
        member,
        {
            "stock_outs": 3,
            "had_stock_out": "yes",
            "cause": "late_order",
            "actions": ["alert", "loan"],
            "comment": "=cmd|' /C calc'!A0",
        },
        0,
    )
    save_draft(
        cycle,
        other_district,
        other_member,
        {"comment": "@SUM(A1)", "stock_outs": -1},
        0,
    )


def rows_from_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_has_one_row_per_district_with_french_labels(
    client, facilitator, cycle, answered
):
    client.force_login(facilitator)
    response = client.get(cycle.url + "export/csv/?lang=fr")
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_from_csv(response.content)
    header = rows[0]
    assert header[:4] == ["District", "Pays", "Région", "Statut"]
    assert "Nombre de ruptures" in header and "Cause principale" in header
    assert "Stocks de vaccins" not in header  # headings carry no answer
    by_district = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_district) == {"Banikoara", "Boké"}
    banikoara = by_district["Banikoara"]
    assert banikoara["Pays"] == "Bénin" and banikoara["Statut"] == "Soumis"
    assert banikoara["Cause principale"] == "Commande tardive"
    assert banikoara["Actions menées"] == "Alerte, Prêt"
    assert banikoara["Soumis le"]
    assert by_district["Boké"]["Statut"] == "Brouillon"


def test_english_export_uses_english_labels(
    client, facilitator, cycle, cycle_en, answered
):
    client.force_login(facilitator)
    rows = rows_from_csv(client.get(cycle.url + "export/csv/?lang=en").content)
    assert rows[0][:4] == ["District", "Country", "Region", "Status"]
    assert "Main cause" in rows[0]
    assert "Late order" in rows[1] + rows[2]


def test_formula_injection_is_neutralised_in_csv_and_xlsx(
    client, facilitator, cycle, answered
):
    client.force_login(facilitator)
    text = client.get(cycle.url + "export/csv/").content.decode("utf-8-sig")
    assert "'=cmd|" in text and "'@SUM(A1)" in text
    assert ",=cmd" not in text and ",@SUM" not in text
    response = client.get(cycle.url + "export/xlsx/?lang=fr")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=cmd|' /C calc'!A0" in values
    assert "'@SUM(A1)" in values
    assert -1 in values  # a negative number stays a number
    assert not any(isinstance(v, str) and v.startswith(("=", "@", "+")) for v in values)


def test_who_has_answered_panel_for_facilitators_only(
    client, facilitator, member, cycle, answered
):
    from districts.factories import DistrictFactory

    DistrictFactory(name="Kouandé")
    client.force_login(facilitator)
    html = client.get(cycle.url).content.decode()
    assert "Qui a répondu" in html
    assert "1 soumises, 1 brouillons, 1 pas commencées." in html
    assert "Kouandé" in html
    client.force_login(member)
    assert "Qui a répondu" not in client.get(cycle.url).content.decode()
