"""Slow work off the request path (django-tasks: immediate here, a worker in production)."""

from django_tasks import task

from lessons.models import LessonPage
from lessons.services import brief_is_current, store_brief


@task()
def generate_brief(page_id: int) -> None:
    lesson = LessonPage.objects.live().filter(pk=page_id).first()
    if lesson is not None and not brief_is_current(lesson):
        store_brief(lesson)
