"""Tell a cycle's followers when its facilitators' synthesis is first published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from cycles.models import CyclePage


@receiver(page_published, sender=CyclePage)
def announce_synthesis(sender, instance, **kwargs):
    from discussions.notifications import announce_synthesis as announce

    if instance.shows_synthesis:
        announce(instance)
