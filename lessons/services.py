"""Writes of the lessons library: PDF briefs and topic alerts."""

from django.core.files.base import ContentFile
from django.db import transaction

from lessons.models import LessonBrief, LessonPage


def brief_is_current(lesson: LessonPage) -> bool:
    brief = LessonBrief.objects.filter(page=lesson).first()
    return bool(brief and brief.revision_id == lesson.live_revision_id and brief.file)


def store_brief(lesson: LessonPage) -> LessonBrief:
    """Render the lesson's PDF brief (slow: WeasyPrint) and store it."""
    from lessons.pdf import render_brief_pdf

    pdf = render_brief_pdf(lesson)
    with transaction.atomic():
        brief, _ = LessonBrief.objects.get_or_create(
            page=lesson, defaults={"revision_id": lesson.live_revision_id or 0}
        )
        old_name = brief.file.name
        brief.revision_id = lesson.live_revision_id or 0
        filename = (
            f"{lesson.locale.language_code}-{lesson.slug}-{brief.revision_id}.pdf"
        )
        brief.file.save(filename, ContentFile(pdf), save=False)
        brief.save()
    if old_name and old_name != brief.file.name:
        brief.file.storage.delete(old_name)
    return brief
