"""The team's commitments as one flat document of text fields, the shape the survey's
merge works on (``cycles.services.three_way_merge``): a teammate's change to one
field never overwrites another's change to a different field.

Names: ``c<slot>_<field>`` for a commitment (slot 1–3) and ``c<slot>_k<n>_<field>``
for its n-th check-in. Values are strings (a date as ``YYYY-MM-DD``, an indicator as
``<query id>:<DHIS2 uid>``, a lesson by its page id).
"""

import datetime as dt

from dateutil.relativedelta import relativedelta

MAX_COMMITMENTS = 3
MAX_CHECKINS = 6
COMMITMENT_FIELDS = (
    "what",
    "lead",
    "by_when",
    "measure",
    "indicator",
    "lesson",
    "visibility",
)
CHECKIN_FIELDS = ("status", "happened", "obstacles")
SLOTS = range(1, MAX_COMMITMENTS + 1)


def field_name(slot: int, name: str) -> str:
    return f"c{slot}_{name}"


def checkin_field_name(slot: int, number: int, name: str) -> str:
    return f"c{slot}_k{number}_{name}"


def all_field_names(checkins: int) -> list[str]:
    names = []
    for slot in SLOTS:
        names += [field_name(slot, name) for name in COMMITMENT_FIELDS]
        for number in range(1, checkins + 1):
            names += [checkin_field_name(slot, number, n) for n in CHECKIN_FIELDS]
    return names


def parse_months(text: str) -> list[int]:
    """ "1, 3,6" → [1, 3, 6]; anything else than whole months 1–60 is refused."""
    months = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        value = int(part)  # ValueError for the caller's form to report
        if not 0 <= value <= 60:
            raise ValueError(part)
        months.append(value)
    if len(months) > MAX_CHECKINS:
        raise ValueError(text)
    return sorted(set(months))


def checkin_dates(discussion_close: dt.date | None, months: list[int]) -> list[dt.date]:
    """The check-in dates: so many months after the discussion closes."""
    if discussion_close is None:
        return []
    return [discussion_close + relativedelta(months=m) for m in months]


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_indicator(value: str) -> tuple[int, str] | None:
    query, _sep, uid = (value or "").partition(":")
    if not query.isdigit() or not uid:
        return None
    return int(query), uid
