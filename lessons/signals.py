from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from lessons.models import LessonPage


@receiver(page_published, sender=LessonPage)
def queue_brief(sender, instance, **kwargs):
    from lessons.tasks import generate_brief

    if not getattr(settings, "LESSON_BRIEFS_ON_PUBLISH", True):
        return
    transaction.on_commit(lambda: generate_brief.enqueue(instance.pk))
