"""pyxform's refusals in the reader's language, with the row and the sheet.

pyxform words its errors in English ("[row : 3] On the 'survey' sheet, …"). The
frequent ones are said again here in translated words; any other keeps pyxform's
explanation, announced as English, inside a translated sentence that gives the row.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ROW = re.compile(r"^\s*\[row\s*:\s*(\d+)\]\s*")
SHEET = re.compile(r"On the '(\w+)' sheet")

KNOWN = [
    (
        re.compile(r"the 'name' value '([^']*)' is invalid\. Questions, groups"),
        gettext_lazy(
            "the name “%(value)s” is used twice (names must differ within a group)."
        ),
    ),
    (
        re.compile(r"the 'name' value is invalid\. Names must begin"),
        gettext_lazy(
            "the name is not valid: it must begin with a letter or “_”, followed by "
            "letters, digits, “_”, “-” or “.”."
        ),
    ),
    (
        re.compile(r"Question or group with no name"),
        gettext_lazy("a question or a group has no name."),
    ),
    (
        re.compile(r"Unmatched 'begin_(?:group|repeat)'.*for the name '([^']*)'"),
        gettext_lazy("the group “%(value)s” is opened but never closed (“end group”)."),
    ),
    (
        re.compile(r"Unmatched 'end_(?:group|repeat)'"),
        gettext_lazy("an “end group” row closes no group."),
    ),
    (
        re.compile(r"Choice names must be unique for each choice list"),
        gettext_lazy("a choice list has the same choice name twice."),
    ),
    (
        re.compile(r"List name not in choices sheet: (\S+)"),
        gettext_lazy("the choice list “%(value)s” is not on the choices sheet."),
    ),
    (
        re.compile(r"There should be a choices sheet"),
        gettext_lazy(
            "a select question needs a “choices” sheet with the columns list_name, "
            "name and label."
        ),
    ),
    (
        re.compile(r"You must have a sheet named 'survey'"),
        gettext_lazy("the file has no “survey” sheet."),
    ),
    (
        re.compile(r"Could not find the name '([^']*)'"),
        gettext_lazy(
            "a condition or a formula refers to “%(value)s”, which no question of "
            "the survey sheet has."
        ),
    ),
    (
        re.compile(r"Missing calculation"),
        gettext_lazy("a “calculate” row has no calculation."),
    ),
    (
        re.compile(r"Duplicate column header: (\S+)"),
        gettext_lazy("the column “%(value)s” appears twice."),
    ),
    (
        re.compile(r"Headers that are different names for the same column"),
        gettext_lazy("two columns mean the same thing: rename or remove one of them."),
    ),
]


def translated_reason(message: str) -> str:
    """pyxform's message said in the active language, with its row and sheet."""
    message = str(message).strip()
    found_row = ROW.match(message)
    found_sheet = SHEET.search(message)
    reason = ""
    for pattern, wording in KNOWN:
        found = pattern.search(message)
        if found:
            value = found.group(1) if found.groups() else ""
            reason = str(wording) % {"value": value} if value else str(wording)
            break
    if not reason:
        reason = _("pyxform's explanation, in English: “%(message)s”") % {
            "message": ROW.sub("", message)
        }
    if found_row:
        return _("row %(row)s of the “%(sheet)s” sheet: %(reason)s") % {
            "row": found_row.group(1),
            "sheet": found_sheet.group(1) if found_sheet else "survey",
            "reason": reason,
        }
    return reason
