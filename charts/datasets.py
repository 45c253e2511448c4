"""Reading uploaded CSV/XLSX tables with pandas, with errors people can act on."""

from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATASET_EXTENSIONS = ["csv", "xlsx"]
MAX_DATASET_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 50


class DatasetError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def validate_dataset_size(file) -> None:
    if file.size > MAX_DATASET_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is 2 MB."),
            params={"size": round(file.size / 1024 / 1024, 1)},
            code="too_large",
        )


def _read_csv(raw: bytes) -> pd.DataFrame:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly anything
        raise DatasetError(_("The file is not readable text."))
    text = text.replace("\x00", "")  # PostgreSQL cannot store NUL bytes
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        return pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        raise DatasetError(
            _(
                "The CSV file could not be read: check that every row has the same columns."
            )
        ) from error


def _read_xlsx(raw: bytes) -> pd.DataFrame:
    try:
        return pd.read_excel(
            io.BytesIO(raw), sheet_name=0, dtype=str, engine="openpyxl"
        )
    except (zipfile.BadZipFile, ValueError, KeyError, OSError) as error:
        raise DatasetError(
            _("The Excel file could not be read: save it again as .xlsx or as CSV.")
        ) from error


def _to_number(column: pd.Series) -> pd.Series:
    """Numbers written "1 234,5" or "1234.5" both become 1234.5."""
    cleaned = (
        column.astype("string")
        .str.replace("\u00a0", "", regex=False)
        .str.replace(" ", "", regex=False)
        .str.replace(",", ".", regex=False)
    )
    return pd.to_numeric(cleaned, errors="coerce")


def read_table(file, name: str) -> pd.DataFrame:
    """The uploaded table: first column text (categories), other columns numbers."""
    extension = name.rsplit(".", 1)[-1].lower()
    if extension not in DATASET_EXTENSIONS:
        raise DatasetError(_("Upload a CSV or an Excel (.xlsx) file."))
    file.seek(0)
    raw = file.read()
    if not raw.strip():
        raise DatasetError(_("The file is empty."))
    frame = _read_csv(raw) if extension == "csv" else _read_xlsx(raw)
    frame = frame.dropna(how="all").dropna(axis=1, how="all")
    if frame.empty or len(frame.columns) < 2:
        raise DatasetError(
            _("The table needs at least two columns: categories, then numbers.")
        )
    if len(frame) > MAX_ROWS or len(frame.columns) > MAX_COLUMNS:
        raise DatasetError(
            _("The table is too big: at most 5,000 rows and 50 columns.")
        )
    frame.columns = [str(c).strip() for c in frame.columns]
    categories = frame.iloc[:, 0].fillna("").astype(str).str.strip()
    values = frame.iloc[:, 1:].apply(_to_number)
    numeric = values.columns[values.notna().any()]
    if not len(numeric):
        raise DatasetError(_("No column of numbers was found after the first column."))
    return pd.concat([categories, values[numeric]], axis=1)


def frame_to_table(frame: pd.DataFrame) -> dict:
    return {
        "columns": list(frame.columns),
        "rows": frame.astype(object).where(frame.notna(), None).values.tolist(),
    }


def table_to_frame(table: dict) -> pd.DataFrame:
    return pd.DataFrame(table.get("rows", []), columns=table.get("columns", []))
