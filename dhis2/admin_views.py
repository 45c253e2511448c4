"""Admin views: test the DHIS2 connection; refresh an analytics snapshot; export a
cycle's results (dry run, then import).

Each queues a task and return at once; the page shows the status of the last one
(queued, running, succeeded or failed with its message), so a hanging DHIS2 never
holds an admin request.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from dhis2.models import AnalyticsQuery, AnalyticsSnapshot, Dhis2Job, ExportMapping
from dhis2.selectors import (
    exportable_mappings,
    last_dry_run,
    last_export_job,
    last_job,
)
from dhis2.tasks import queue_connection_test, queue_export, queue_refresh


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


def _require_export_rights(request):
    if not request.user.has_perm("dhis2.change_exportmapping"):
        raise PermissionDenied


def export_index(request):
    """Pick the cycle to send: those whose results are published can be."""
    _require_export_rights(request)
    return TemplateResponse(
        request,
        "dhis2/admin/export_index.html",
        {
            "page_title": _("Export to DHIS2"),
            "header_title": _("Export to DHIS2"),
            "header_icon": "upload",
            "rows": [
                {
                    "mapping": mapping,
                    "published": published,
                    "url": reverse("dhis2_export", args=[mapping.pk]),
                }
                for mapping, published in exportable_mappings()
            ],
            "mappings_url": reverse("wagtailsnippets_dhis2_exportmapping:list"),
        },
    )


def export_cycle(request, pk):
    """The dry run, its summary, then the real import; each a background job."""
    _require_export_rights(request)
    mapping = get_object_or_404(ExportMapping.objects.select_related("cycle"), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "dry_run":
            queue_export(mapping, dry_run=True)
        elif action == "import" and last_dry_run(mapping) is not None:
            queue_export(mapping, dry_run=False)
        else:
            messages.error(request, _("Run a dry run without conflicts first."))
        return redirect("dhis2_export", pk=mapping.pk)
    dry_run = last_export_job(mapping, Dhis2Job.Kind.EXPORT_DRY_RUN)
    import_job = last_export_job(mapping, Dhis2Job.Kind.EXPORT)
    title = _("Export to DHIS2: %(cycle)s") % {"cycle": mapping.cycle.title}
    return TemplateResponse(
        request,
        "dhis2/admin/export.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "upload",
            "mapping": mapping,
            "dry_run": dry_run,
            "dry_run_summary": import_summary_view(dry_run),
            "import_job": import_job,
            "import_summary": import_summary_view(import_job),
            "can_import": last_dry_run(mapping) is not None,
            "index_url": reverse("dhis2_export_index"),
        },
    )


def import_summary_view(job: Dhis2Job | None) -> dict | None:
    """DHIS2's import summary of a finished export job, as labelled rows."""
    summary = job.summary if job is not None and job.is_finished else None
    if not summary:
        return None
    rows = [
        (_("DHIS2 status"), summary.get("status", "")),
        (_("Responses"), summary.get("responses", 0)),
        (_("Data values sent"), summary.get("data_values", 0)),
        (_("Imported"), summary.get("imported", 0)),
        (_("Updated"), summary.get("updated", 0)),
        (_("Ignored"), summary.get("ignored", 0)),
        (_("Deleted"), summary.get("deleted", 0)),
    ]
    return {
        "rows": rows,
        "conflicts": summary.get("conflicts", []),
        "skipped": summary.get("without_org_unit", []),
    }
