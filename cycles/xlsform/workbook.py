"""Reading an XLSForm workbook: its rows, their numbers and their languages."""

import re
from pathlib import Path

from django.utils.translation import gettext as _

from cycles.xlsform.report import XLSFormError
from cycles.xlsform_messages import translated_reason


def language_code(key: str) -> str:
    """'French (fr)' → 'fr', 'fr' → 'fr', 'default' → ''."""
    found = re.search(r"\((\w{2,3})\)\s*$", key)
    if found:
        return found.group(1).lower()
    return key.lower() if re.fullmatch(r"\w{2,3}", key) else ""


def by_language(value, default_language: str = "") -> dict[str, str]:
    if not value:
        return {}
    if isinstance(value, str):
        return {"": value.strip()}
    texts = {}
    for key, text in value.items():
        code = language_code(key) or (
            language_code(default_language) if key == "default" else ""
        )
        texts[code] = str(text).strip()
    return texts


def text_in(texts: dict[str, str], code: str, fallback: str = "fr") -> str:
    for key in (code, "", fallback):
        if texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


def _survey_rows(path: Path):
    """The survey sheet's rows as tuples of cells (.xlsx through openpyxl, .xls
    through xlrd, which pyxform itself uses), or nothing."""
    if path.suffix.lower() == ".xls":
        import xlrd

        book = xlrd.open_workbook(str(path))
        sheet = next((s for s in book.sheets() if s.name.lower() == "survey"), None)
        return [sheet.row_values(n) for n in range(sheet.nrows)] if sheet else []
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = next(
            (ws for ws in workbook.worksheets if ws.title.lower() == "survey"), None
        )
        return list(sheet.iter_rows(values_only=True)) if sheet else []
    finally:
        workbook.close()


def row_numbers(path: Path) -> dict[str, int]:
    """Spreadsheet row of each question name (the survey sheet, header on row 1)."""
    if path.suffix.lower() not in (".xls", ".xlsx"):
        return {}
    try:
        rows = iter(_survey_rows(path))
    except Exception:  # already read by pyxform; row numbers are a comfort
        return {}
    header = [str(cell or "").strip().lower() for cell in next(rows, ())]
    if "name" not in header:
        return {}
    name_column = header.index("name")
    numbers = {}
    for number, row in enumerate(rows, start=2):
        if name_column < len(row) and row[name_column]:
            numbers.setdefault(str(row[name_column]).strip(), number)
    return numbers


def parse_workbook(path: Path) -> dict:
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import parse_file_to_json

    if path.suffix.lower() not in (".xls", ".xlsx"):
        raise XLSFormError(_("Choose an .xls or .xlsx file."))
    try:
        return parse_file_to_json(str(path))
    except PyXFormError as exc:
        raise XLSFormError(
            _("This XLSForm cannot be imported: %(reason)s")
            % {"reason": translated_reason(str(exc))}
        ) from exc
    except Exception as exc:  # a corrupt or foreign file: never a traceback
        raise XLSFormError(
            _("This file is not a readable XLSForm (%(kind)s).")
            % {"kind": type(exc).__name__}
        ) from exc
