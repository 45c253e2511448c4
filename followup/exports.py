"""Rows of the downloads: what a reader may see of a cycle's commitments, and the
facilitators' tracker (every commitment, with names)."""

from django.utils.translation import gettext as _

from followup.presentation import cycle_commitments, shown
from followup.visibility import Labels, Viewer


def what_changed_rows(cycle, viewer: Viewer) -> list[list]:
    header = [
        _("District"),
        _("What will change"),
        _("Who leads"),
        _("By when"),
        _("Status"),
        _("What happened"),
        _("How we will know"),
        _("Lesson adopted"),
    ]
    rows = [header]
    for row in shown(cycle_commitments(cycle), viewer, Labels(cycle)):
        rows.append(
            [
                row.district,
                row.what,
                row.lead,
                row.by_when.isoformat() if row.by_when else "",
                row.status_label,
                row.outcome,
                row.measure,
                row.lesson_title,
            ]
        )
    return rows
