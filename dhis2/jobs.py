"""Writes for DHIS2 jobs: the admin asks, a task runs, the job row says how it went.

Every step is saved at once, so the admin page can show "queued" while the worker is
busy or down, "running" while DHIS2 is slow, then the result in the asker's language.
"""

from collections.abc import Callable
from contextlib import nullcontext

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dhis2.models import AnalyticsQuery, Dhis2Job, ExportMapping

#: A job's work: returns (succeeded, message); a DHIS2 failure is a result, not a raise.
#: It may fill ``job.summary``, saved with the result.
Work = Callable[[Dhis2Job], tuple[bool, str]]


def create_job(
    kind: str,
    query: AnalyticsQuery | None = None,
    export: ExportMapping | None = None,
) -> Dhis2Job:
    return Dhis2Job.objects.create(
        kind=kind,
        query=query,
        export=export,
        language=translation.get_language() or "",
    )


def run_job(job_id: int, work: Work) -> Dhis2Job | None:
    """Mark the job running, do the work in the asker's language, record the result.

    An unexpected error marks the job failed (so the page does not say "running" for
    ever) and is raised again for the task backend to record.
    """
    job = Dhis2Job.objects.filter(pk=job_id).select_related("query", "export").first()
    if job is None:
        return None
    job.status = Dhis2Job.Status.RUNNING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
    language = translation.override(job.language) if job.language else nullcontext()
    with language:
        try:
            ok, message = work(job)
        except Exception:
            _finish(job, False, _("The task stopped on an unexpected error."))
            raise
    _finish(job, ok, message)
    return job


def _finish(job: Dhis2Job, ok: bool, message: str) -> None:
    job.status = Dhis2Job.Status.SUCCEEDED if ok else Dhis2Job.Status.FAILED
    job.message = message[:500]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "summary", "finished_at"])
