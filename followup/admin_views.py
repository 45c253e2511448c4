"""The tracker's download (behind ``facilitators_only`` in wagtail_hooks)."""

from django.http import Http404

from cycles.survey_views import parse_int
from followup.tracker import tracker_queryset, tracker_rows
from portal.spreadsheets import download


def tracker_export(request, file_format: str):
    if file_format not in ("csv", "xlsx"):
        raise Http404
    commitments = tracker_queryset(
        cycle_id=parse_int(request.GET.get("cycle")),
        country_id=parse_int(request.GET.get("district__country")),
    )
    return download(tracker_rows(commitments), "commitments", file_format)
