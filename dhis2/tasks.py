"""DHIS2 calls run as tasks (django-tasks): immediately in the embedded default,
on the database-backed worker in production, never inside a page view."""

from django_tasks import task

from dhis2.models import AnalyticsQuery
from dhis2.services import refresh_snapshot


@task()
def refresh_snapshot_task(query_id: int) -> None:
    query = AnalyticsQuery.objects.filter(pk=query_id).first()
    if query is not None:
        refresh_snapshot(query)
