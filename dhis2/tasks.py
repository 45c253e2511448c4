"""DHIS2 calls run as tasks (django-tasks): immediately in the embedded default,
on the database-backed worker in production, never inside a page view."""

from dataclasses import asdict

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from dhis2.client import Dhis2Error
from dhis2.exports import CycleExport, nothing_to_send, prepare_cycle_export
from dhis2.jobs import create_job, run_job
from dhis2.models import AnalyticsQuery, Dhis2Job, ExportMapping
from dhis2.selectors import last_dry_run
from dhis2.services import make_client, post_data_value_set, refresh_snapshot


@task()
def refresh_snapshot_task(query_id: int, job_id: int | None = None) -> None:
    if job_id is not None:
        run_job(job_id, _refresh)
        return
    query = AnalyticsQuery.objects.filter(pk=query_id).first()
    if query is not None:
        refresh_snapshot(query)


@task()
def connection_test_task(job_id: int) -> None:
    run_job(job_id, _connection_test)


@task()
def export_task(job_id: int) -> None:
    run_job(job_id, _export)


def queue_export(mapping: ExportMapping, dry_run: bool) -> Dhis2Job:
    """Queue a dry run (DHIS2 checks, stores nothing) or the real import."""
    kind = Dhis2Job.Kind.EXPORT_DRY_RUN if dry_run else Dhis2Job.Kind.EXPORT
    job = create_job(kind, export=mapping)
    export_task.enqueue(job.pk)
    return job


def queue_refresh(query: AnalyticsQuery) -> Dhis2Job:
    """Queue a refresh of the query's snapshot; the job says how it goes."""
    job = create_job(Dhis2Job.Kind.REFRESH, query)
    refresh_snapshot_task.enqueue(query.pk, job.pk)
    return job


def queue_connection_test() -> Dhis2Job:
    """Queue a test of the stored DHIS2 settings; the job says how it goes."""
    job = create_job(Dhis2Job.Kind.CONNECTION)
    connection_test_task.enqueue(job.pk)
    return job


def _refresh(job: Dhis2Job) -> tuple[bool, str]:
    if job.query is None:
        return False, _("The query was deleted.")
    snapshot = refresh_snapshot(job.query)
    if snapshot.last_error:
        return False, _(
            "DHIS2 could not be read: %(error)s The last snapshot is kept."
        ) % {"error": snapshot.last_error}
    return True, _("Snapshot refreshed from DHIS2.")


def _connection_test(job: Dhis2Job) -> tuple[bool, str]:
    try:
        client = make_client()
        info = client.system_info()
        me = client.me()
    except Dhis2Error as error:
        return False, error.message
    return True, _("Connected to DHIS2 %(version)s (%(system)s) as %(user)s.") % {
        "version": info.get("version", "?"),
        "system": info.get("systemName", ""),
        "user": me.get("displayName") or me.get("username", "?"),
    }


def _export(job: Dhis2Job) -> tuple[bool, str]:
    """Send the cycle's values: the import only those its dry run checked."""
    if job.export is None:
        return False, _("The export mapping was deleted.")
    dry_run = job.kind == Dhis2Job.Kind.EXPORT_DRY_RUN
    try:
        export = prepare_cycle_export(str(job.export.cycle_id))
        refusal = _refusal(export, job, dry_run)
        if refusal:
            return False, refusal
        summary = post_data_value_set(make_client(), export.payload, dry_run)
    except Dhis2Error as error:
        return False, error.message
    job.summary = {
        **asdict(summary),
        "responses": export.responses,
        "data_values": len(export.payload["dataValues"]),
        "without_org_unit": export.without_org_unit,
        "digest": export.digest,
    }
    if not summary.ok:
        count = len(summary.conflicts)
        return False, ngettext(
            "DHIS2 answered %(status)s with %(count)s conflict.",
            "DHIS2 answered %(status)s with %(count)s conflicts.",
            count,
        ) % {"status": summary.status, "count": count}
    if dry_run:
        return True, _("Dry run passed: DHIS2 checked the values and stored nothing.")
    return True, _("Imported into DHIS2.")


def _refusal(export: CycleExport, job: Dhis2Job, dry_run: bool) -> str:
    if not export.results_published:
        return _(
            "The results of %(title)s are not published: publish them before "
            "sending them to DHIS2."
        ) % {"title": export.cycle_title}
    if not export.payload["dataValues"]:
        return nothing_to_send(export)
    if dry_run:
        return ""
    checked = last_dry_run(job.export)
    if checked is None or checked.summary.get("digest") != export.digest:
        return _(
            "The answers or the mapping changed since the last successful dry run: "
            "run the dry run again."
        )
    return ""
