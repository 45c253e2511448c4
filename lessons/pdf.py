"""The PDF brief of a lesson, in the lesson's language (WeasyPrint, A4)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from lessons.models import LessonPage
from portal.links import base_url, page_url


def brief_html(lesson: LessonPage) -> str:
    language = lesson.locale.language_code
    with translation.override(language):
        return render_to_string(
            "lessons/brief_pdf.html",
            {
                "page": lesson,
                "language": language,
                "topics": list(lesson.topics.all()),
                "countries": list(lesson.countries.all()),
                "audiences": list(lesson.audiences.all()),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "url": page_url(lesson, fallback=""),
            },
        )


def render_brief_pdf(lesson: LessonPage) -> bytes:
    from weasyprint import HTML

    return HTML(string=brief_html(lesson), base_url=base_url()).write_pdf()
