"""Import an XLSForm (survey, choices and settings sheets) into a cycle's questionnaire.

pyxform parses and validates the workbook (no survey sheet, duplicate names, unknown
choice lists are refused); each supported question becomes a `SurveyQuestion` with
the XLSForm `name` as its stable name. French labels go to the cycle's source page,
English labels to its English translation. Unsupported rows are skipped and listed
with their row numbers. Any failure raises `XLSFormError` and changes nothing.
"""

from cycles.xlsform.importer import import_xlsform
from cycles.xlsform.report import (
    AnswersExist,
    DraftPending,
    ImportReport,
    SkippedRow,
    XLSFormError,
)

__all__ = [
    "AnswersExist",
    "DraftPending",
    "ImportReport",
    "SkippedRow",
    "XLSFormError",
    "import_xlsform",
]
