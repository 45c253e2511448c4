import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from lessons.models import LessonPage
from lessons.tasks import generate_brief

_paused = threading.local()


@contextmanager
def briefs_paused():
    """Publish many lessons (demo seed) without rendering a PDF for each: the brief
    is then made on its first download."""
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = False


@receiver(page_published, sender=LessonPage)
def queue_brief(sender, instance, **kwargs):
    if getattr(_paused, "active", False) or not getattr(
        settings, "LESSON_BRIEFS_ON_PUBLISH", True
    ):
        return
    transaction.on_commit(lambda: generate_brief.enqueue(instance.pk))
