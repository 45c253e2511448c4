"""Read an invitation spreadsheet saved as CSV: one member per row.

Columns (header row required, in English or French): name/nom, email/e-mail/courriel,
district, language/langue. Comma, semicolon or tab separated; UTF-8 with or without a
byte-order mark (what "CSV UTF-8" in Excel and LibreOffice writes). Row numbers are
the spreadsheet's: the header is row 1.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
COLUMNS = ("name", "email", "district", "language")
REQUIRED_COLUMNS = ("name", "email", "district")
HEADER_ALIASES = {
    "name": "name",
    "nom": "name",
    "nom complet": "name",
    "full name": "name",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "courriel": "email",
    "adresse e-mail": "email",
    "email address": "email",
    "district": "district",
    "code district": "district",
    "district code": "district",
    "language": "language",
    "langue": "language",
}


class InvitationFileError(Exception):
    """The whole file is unusable; the message says why, translated."""


@dataclass(frozen=True)
class CsvRow:
    number: int
    name: str
    email: str
    district: str
    language: str


def read_rows(file) -> list[CsvRow]:
    """Every non-blank row below the header, or InvitationFileError."""
    text = _decoded(file)
    delimiter = _delimiter(text.splitlines()[0])
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise InvitationFileError(
            _("This file could not be read as CSV. Save it again as “CSV UTF-8”.")
        ) from exc
    columns = _columns(records[0])
    rows = []
    for number, record in enumerate(records[1:], start=2):
        cells = {
            column: (record[index].strip() if index < len(record) else "")
            for column, index in columns.items()
        }
        if not any(cells.values()):
            continue
        rows.append(
            CsvRow(
                number=number,
                name=cells["name"],
                email=cells["email"],
                district=cells["district"],
                language=cells.get("language", ""),
            )
        )
        if len(rows) > MAX_ROWS:
            raise InvitationFileError(
                _(
                    "The file has more than %(max)s members. Split it into smaller "
                    "files."
                )
                % {"max": MAX_ROWS}
            )
    if not rows:
        raise InvitationFileError(_("The file has no members below its header row."))
    return rows


def _decoded(file) -> str:
    if getattr(file, "size", 0) and file.size > MAX_BYTES:
        raise _too_large()
    file.seek(0)
    raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise _too_large()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvitationFileError(
            _(
                "The file is not in UTF-8. In your spreadsheet, choose “Save as” → "
                "“CSV UTF-8”, then upload it again."
            )
        ) from exc
    if "\x00" in text:
        raise InvitationFileError(
            _("This file could not be read as CSV. Save it again as “CSV UTF-8”.")
        )
    if not text.strip():
        raise InvitationFileError(_("The file is empty."))
    return text


def _too_large() -> InvitationFileError:
    return InvitationFileError(
        _("The file is larger than 1 MB. Split it into smaller files.")
    )


def _delimiter(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _normalised(cell: str) -> str:
    folded = unicodedata.normalize("NFKD", cell.strip().lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _columns(header: list[str]) -> dict[str, int]:
    """{column: index} from the header row; InvitationFileError if one is missing."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = HEADER_ALIASES.get(_normalised(cell))
        if column and column not in columns:
            columns[column] = index
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise InvitationFileError(
            _(
                "The first row must name the columns: name, email, district, "
                "language (or nom, courriel, district, langue). Missing: %(missing)s."
            )
            % {"missing": ", ".join(missing)}
        )
    return columns
