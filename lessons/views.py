from django.http import FileResponse, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from lessons.models import LessonBrief, LessonPage
from lessons.services import brief_is_current
from lessons.tasks import generate_brief


def serve_brief(request: HttpRequest, lesson: LessonPage) -> HttpResponse:
    """The stored PDF brief; if it is missing or stale, queue it and say so."""
    if not brief_is_current(lesson):
        generate_brief.enqueue(lesson.pk)
    brief = LessonBrief.objects.filter(page=lesson).first()
    if brief is None or brief.revision_id != lesson.live_revision_id:
        response = TemplateResponse(
            request, "lessons/brief_pending.html", {"page": lesson}, status=503
        )
        response["Retry-After"] = "30"
        return response
    response = FileResponse(
        brief.file.open("rb"),
        content_type="application/pdf",
        filename=f"{lesson.slug}.pdf",
    )
    response["ETag"] = f'"brief-{lesson.pk}-{brief.revision_id}"'
    patch_cache_control(response, public=True, max_age=3600)
    return response
