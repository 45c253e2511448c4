from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from charts.models import ChartSnapshot
from charts.services import chart_blocks
from charts.tasks import refresh_page_charts_task
from portal import pagecache


@receiver(page_published)
def refresh_charts_on_publish(sender, instance, **kwargs):
    """A published page gets its charts (re)computed in the background; a page whose
    charts were all removed loses their snapshots."""
    has_charts = any(True for _ in chart_blocks(instance.specific))
    if (
        has_charts
        or ChartSnapshot.objects.filter(
            translation_key=instance.translation_key,
            language=instance.locale.language_code,
        ).exists()
    ):
        refresh_page_charts_task.enqueue(instance.pk)


@receiver(post_save, sender=ChartSnapshot, dispatch_uid="charts-snapshot-saved")
@receiver(post_delete, sender=ChartSnapshot, dispatch_uid="charts-snapshot-deleted")
def purge_on_snapshot_change(sender, **kwargs):
    """A snapshot stored, drawn (its image) or removed: readers see it at once,
    from the page cache and the site's cache (charts.selectors.snapshots_for_page)."""
    pagecache.purge()
