"""CSV and XLSX exports of a cycle's responses: one row per district.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or
a carriage return) are prefixed with an apostrophe: the files are written by
portal/spreadsheets.py, whose names are kept here for the dashboard's exports.
"""

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cycles.presentation import display_value
from cycles.questionnaire import is_answered
from cycles.selectors import questions_for_cycle, responses_for_cycle
from portal.spreadsheets import CONTENT_TYPES, csv_bytes, neutralise, xlsx_bytes

FORMATS = CONTENT_TYPES  # "csv", "xlsx"


def _cell(question, value):
    if not is_answered(value):
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return display_value(question, value)


def export_rows(cycle, language: str) -> list[list]:
    with translation.override(language):
        questions = [q for q in questions_for_cycle(cycle) if q.has_answer]
        header = [
            _("District"),
            _("Country"),
            _("Region"),
            _("Status"),
            _("Created at"),
            _("Updated at"),
            _("Submitted at"),
            *[q.label for q in questions],
        ]
        rows = [[str(h) for h in header]]
        for response in responses_for_cycle(cycle):
            rows.append(
                [
                    response.district.name,
                    response.district.country.name,
                    response.district.region,
                    str(response.get_status_display()),
                    _iso(response.created_at),
                    _iso(response.updated_at),
                    _iso(response.submitted_at),
                    *[_cell(q, response.answers.get(q.name)) for q in questions],
                ]
            )
    return [[neutralise(value) for value in row] for row in rows]


def _iso(moment) -> str:
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else ""


def to_csv(rows: list[list]) -> bytes:
    return csv_bytes(rows)


def to_xlsx(rows: list[list]) -> bytes:
    return xlsx_bytes(rows, sheet_title="responses")


def export_response(cycle, file_format: str, language: str) -> HttpResponse:
    rows = export_rows(cycle, language)
    content = to_csv(rows) if file_format == "csv" else to_xlsx(rows)
    response = HttpResponse(content, content_type=FORMATS[file_format])
    filename = f"{slugify(cycle.slug)}-{language}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
