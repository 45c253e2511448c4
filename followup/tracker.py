"""The facilitators' follow-up tracker: every commitment per cycle and country,
its status, its overdue check-ins; and its CSV/XLSX (``portal.spreadsheets``).
Facilitators see every commitment with its district's name, hidden ones included."""

import datetime as dt

from django.utils.translation import gettext as _

from followup.models import Commitment
from followup.selectors import schedule_dates_on, today


class OverdueCounter:
    """Check-ins due but not reported, per commitment; one schedule look-up per
    cycle, whatever the number of rows."""

    def __init__(self, on: dt.date | None = None):
        self.on = on or today()
        self._due: dict[int, int] = {}

    def due(self, cycle) -> int:
        if cycle.pk not in self._due:
            dates = schedule_dates_on(cycle, self.on)
            self._due[cycle.pk] = sum(1 for date in dates if date <= self.on)
        return self._due[cycle.pk]

    def overdue(self, commitment: Commitment) -> int:
        due = self.due(commitment.cycle)
        reported = {c.number for c in commitment.checkins.all() if c.number <= due}
        return due - len(reported)


def tracker_queryset(cycle_id=None, country_id=None):
    commitments = Commitment.objects.select_related(
        "cycle", "district__country", "lesson"
    ).prefetch_related("checkins")
    if cycle_id:
        commitments = commitments.filter(cycle_id=cycle_id)
    if country_id:
        commitments = commitments.filter(district__country_id=country_id)
    return commitments.order_by("cycle_id", "district__name", "slot")


def tracker_rows(commitments, counter: OverdueCounter | None = None) -> list[list]:
    counter = counter or OverdueCounter()
    rows = [
        [
            _("Cycle"),
            _("Country"),
            _("District"),
            _("Number"),
            _("What will change"),
            _("Who leads"),
            _("By when"),
            _("Status"),
            _("Overdue check-ins"),
            _("What happened"),
            _("DHIS2 indicator"),
            _("How we will know"),
            _("Lesson adopted"),
            _("Who sees it"),
        ]
    ]
    for c in commitments:
        rows.append(
            [
                c.cycle.title,
                c.district.country.localized_name,
                c.district.name,
                c.slot,
                c.what,
                c.lead,
                c.by_when.isoformat() if c.by_when else "",
                c.get_status_display(),
                counter.overdue(c),
                c.outcome,
                c.indicator_name,
                c.measure,
                c.lesson.title if c.lesson else "",
                c.get_visibility_display(),
            ]
        )
    return rows
