from django.dispatch import receiver
from wagtail.signals import page_published

from charts.models import ChartSnapshot
from charts.services import chart_blocks
from charts.tasks import refresh_page_charts_task


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
