"""Reads of the lessons library."""

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Locale, Page

from lessons.models import LessonPage, LessonsIndexPage


def lessons_in_library(index: LessonsIndexPage) -> QuerySet[LessonPage]:
    return (
        LessonPage.objects.child_of(index)
        .live()
        .public()
        .order_by("-date", "-pk")
        .prefetch_related("topics", "countries")
    )


def latest_lessons(language_code: str, limit: int = 3) -> list[LessonPage]:
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return []
    return list(
        LessonPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-date", "-pk")
        .prefetch_related("topics", "countries")[:limit]
    )


def lesson_context(lesson: LessonPage, request: HttpRequest) -> dict:
    """What the lesson template shows beside the page fields."""
    from lessons.feeds import feed_links

    return {
        "shown_as_fallback": lesson.shown_as_fallback,
        "topics": list(lesson.topics.all()),
        "countries": list(lesson.countries.all()),
        "audiences": list(lesson.audiences.all()),
        "cycle": _cycle_in_language(lesson.cycle, request),
        "brief_url": f"{request.path}?format=pdf",
        "feed_links": feed_links(),
        "absolute_url": request.build_absolute_uri(request.path),
        "og_description": lesson.search_description or _first_key_message(lesson),
    }


def _cycle_in_language(cycle: Page | None, request: HttpRequest) -> Page | None:
    if cycle is None:
        return None
    locale = Locale.get_active()
    return cycle.get_translation_or_none(locale) or cycle


def _first_key_message(lesson: LessonPage) -> str:
    for block in lesson.key_messages:
        return str(block.value)
    return ""


def lessons_from_cycle(cycle: Page) -> list[LessonPage]:
    """Published lessons drawn from `cycle` (any translation of it), in the active
    language, newest first."""
    return list(
        LessonPage.objects.live()
        .public()
        .filter(
            locale=Locale.get_active(),
            cycle__translation_key=cycle.translation_key,
        )
        .order_by("-date", "-pk")
        .prefetch_related("topics", "countries")
    )
