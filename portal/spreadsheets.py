"""Spreadsheet files for download: CSV and XLSX, written one way everywhere.

CSV is UTF-8 with a byte-order mark, so Excel opens accents as accents. A text cell
that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return: a district name or an answer such as ``=HYPERLINK(...)``)
gets a leading apostrophe, as OWASP's "CSV injection" page advises; numbers stay
numbers. XLSX goes through openpyxl (already a requirement), with the same cells.
"""

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value):
    """The cell as text a spreadsheet shows and never runs."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_rows(rows: Iterable[Iterable]) -> list[list]:
    return [[neutralise(cell) for cell in row] for row in rows]


def csv_text(rows: Iterable[Iterable]) -> str:
    """The CSV with its BOM, formulas neutralised."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(safe_rows(rows))
    return BOM + buffer.getvalue()


def csv_bytes(rows: Iterable[Iterable]) -> bytes:
    return csv_text(rows).encode("utf-8")


def xlsx_bytes(rows: Iterable[Iterable], sheet_title: str = "data") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title)
    for row in safe_rows(rows):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(rows: Iterable[Iterable], filename: str, file_format: str = "csv"):
    """An attachment response: ``filename`` without its extension."""
    content = csv_bytes(rows) if file_format == "csv" else xlsx_bytes(rows)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
