"""Reads for the DHIS2 app. Pages call these; none of them calls DHIS2."""

from cycles.selectors import canonical_cycle
from dhis2.client import Dhis2Connection
from dhis2.models import (
    AnalyticsQuery,
    AnalyticsSnapshot,
    Dhis2Job,
    Dhis2Settings,
    ExportMapping,
)


def stored_connection() -> Dhis2Connection:
    return Dhis2Settings.load().connection()


def snapshot_table(snapshot_id: int) -> list[dict]:
    """The tidy rows of a snapshot (dx, pe, ou, value and their names).

    ``pandas.DataFrame(snapshot_table(id))`` gives a ready table; an unknown id or a
    snapshot never fetched gives an empty list.
    """
    data = (
        AnalyticsSnapshot.objects.filter(pk=snapshot_id)
        .values_list("data", flat=True)
        .first()
    )
    return [dict(row) for row in data or []]


def last_job(kind: str, query: AnalyticsQuery | None = None) -> Dhis2Job | None:
    """The latest job of this kind (for this query), whatever its status."""
    return Dhis2Job.objects.filter(kind=kind, query=query).first()


def last_export_job(mapping: ExportMapping, kind: str) -> Dhis2Job | None:
    """The latest dry run or import of this mapping, whatever its status."""
    return Dhis2Job.objects.filter(kind=kind, export=mapping).first()


def last_dry_run(mapping: ExportMapping) -> Dhis2Job | None:
    """The latest dry run if it passed (no conflict): what an import may send."""
    job = last_export_job(mapping, Dhis2Job.Kind.EXPORT_DRY_RUN)
    return job if job and job.status == Dhis2Job.Status.SUCCEEDED else None


def exportable_mappings() -> list[tuple[ExportMapping, bool]]:
    """Every export mapping, with whether its cycle's results are published
    (read from the source page, as every cycle rule)."""
    mappings = ExportMapping.objects.select_related("cycle").order_by("cycle__title")
    return [
        (mapping, bool(canonical_cycle(mapping.cycle).results_published))
        for mapping in mappings
    ]
