"""Admin views: test the DHIS2 connection; refresh an analytics snapshot.

Both queue a task and return at once; the page shows the status of the last one
(queued, running, succeeded or failed with its message), so a hanging DHIS2 never
holds an admin request.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from dhis2.models import AnalyticsQuery, AnalyticsSnapshot, Dhis2Job
from dhis2.selectors import last_job
from dhis2.tasks import queue_connection_test, queue_refresh


def test_connection(request):
    if not request.user.has_perm("dhis2.change_dhis2settings"):
        raise PermissionDenied
    if request.method == "POST":
        queue_connection_test()
        return redirect("dhis2_test_connection")
    return TemplateResponse(
        request,
        "dhis2/admin/test_connection.html",
        {
            "page_title": _("Test the DHIS2 connection"),
            "header_title": _("Test the DHIS2 connection"),
            "header_icon": "link",
            "job": last_job(Dhis2Job.Kind.CONNECTION),
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
        queue_refresh(query)
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
            "job": last_job(Dhis2Job.Kind.REFRESH, query),
            "index_url": reverse("wagtailsnippets_dhis2_analyticsquery:list"),
        },
    )
