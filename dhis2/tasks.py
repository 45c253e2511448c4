"""DHIS2 calls run as tasks (django-tasks): immediately in the embedded default,
on the database-backed worker in production, never inside a page view."""

from django.utils.translation import gettext as _
from django_tasks import task

from dhis2.client import Dhis2Error
from dhis2.jobs import create_job, run_job
from dhis2.models import AnalyticsQuery, Dhis2Job
from dhis2.services import make_client, refresh_snapshot


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
