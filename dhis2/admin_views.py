"""Admin views: test the DHIS2 connection; refresh an analytics snapshot."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from dhis2.client import Dhis2Error
from dhis2.models import AnalyticsQuery, AnalyticsSnapshot
from dhis2.services import make_client
from dhis2.tasks import refresh_snapshot_task


@dataclass(frozen=True)
class ConnectionResult:
    ok: bool
    message: str


def check_connection() -> ConnectionResult:
    try:
        client = make_client()
        info = client.system_info()
        me = client.me()
    except Dhis2Error as error:
        return ConnectionResult(False, error.message)
    return ConnectionResult(
        True,
        _("Connected to DHIS2 %(version)s (%(system)s) as %(user)s.")
        % {
            "version": info.get("version", "?"),
            "system": info.get("systemName", ""),
            "user": me.get("displayName") or me.get("username", "?"),
        },
    )


def test_connection(request):
    if not request.user.has_perm("dhis2.change_dhis2settings"):
        raise PermissionDenied
    result = check_connection() if request.method == "POST" else None
    return TemplateResponse(
        request,
        "dhis2/admin/test_connection.html",
        {
            "page_title": _("Test the DHIS2 connection"),
            "header_title": _("Test the DHIS2 connection"),
            "header_icon": "link",
            "result": result,
            "settings_url": reverse(
                "wagtailsettings:edit", args=["dhis2", "dhis2settings"]
            ),
        },
    )


def refresh_query(request, pk):
    if not request.user.has_perm("dhis2.change_analyticsquery"):
        raise PermissionDenied
    query = get_object_or_404(AnalyticsQuery, pk=pk)
    if request.method == "POST":
        result = refresh_snapshot_task.enqueue(query.pk)
        snapshot = AnalyticsSnapshot.objects.filter(query=query).first()
        if not result.is_finished:
            messages.info(request, _("Refresh queued: reload this page in a minute."))
        elif snapshot is None or snapshot.last_error:
            messages.error(
                request,
                _("DHIS2 could not be read: %(error)s The last snapshot is kept.")
                % {"error": snapshot.last_error if snapshot else ""},
            )
        else:
            messages.success(request, _("Snapshot refreshed from DHIS2."))
        return redirect("dhis2_refresh_query", pk=query.pk)
    snapshot = AnalyticsSnapshot.objects.filter(query=query).first()
    return TemplateResponse(
        request,
        "dhis2/admin/snapshot.html",
        {
            "page_title": query.name,
            "header_title": query.name,
            "header_icon": "table",
            "snapshot": snapshot or AnalyticsSnapshot(query=query),
            "index_url": reverse("wagtailsnippets_dhis2_analyticsquery:list"),
        },
    )
