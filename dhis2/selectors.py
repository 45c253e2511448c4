"""Reads for the DHIS2 app. Pages call these; none of them calls DHIS2."""

from dhis2.client import Dhis2Connection
from dhis2.models import AnalyticsSnapshot, Dhis2Settings


def stored_connection() -> Dhis2Connection:
    return Dhis2Settings.load().connection()


def snapshot_table(snapshot_id: int) -> list[dict]:
    """The tidy rows of a snapshot (dx, pe, ou, value and their names).

    ``pandas.DataFrame(snapshot_table(id))`` gives a ready table; an unknown id or a
    snapshot never fetched gives an empty list.
    """
    data = (
        AnalyticsSnapshot.objects.filter(pk=snapshot_id)
        .values_list("data", flat=True)
        .first()
    )
    return [dict(row) for row in data or []]
