from django.dispatch import receiver
from wagtail.signals import page_published

from charts.services import chart_blocks
from charts.tasks import refresh_page_charts_task


@receiver(page_published)
def refresh_charts_on_publish(sender, instance, **kwargs):
    """A published (or republished) page gets its charts recomputed in the background."""
    if any(True for _ in chart_blocks(instance.specific)):
        refresh_page_charts_task.enqueue(instance.pk)
