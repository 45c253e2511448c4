"""Reads of the lessons library."""

from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page

from lessons.feed_links import feed_links
from lessons.models import (
    CountrySubscription,
    LessonPage,
    LessonsIndexPage,
    TopicSubscription,
)
from lessons.sections import LESSON_SECTIONS
from portal import chrome
from portal.translations import for_readers_of, in_language_or_source, language_of


def lessons_in_library(index: LessonsIndexPage) -> QuerySet[LessonPage]:
    """The library's lessons for its readers: those of its language, and those of
    the source library not (yet) translated into it, shown with an "in French" badge."""
    libraries = Q()
    for library in LessonsIndexPage.objects.filter(
        translation_key=index.translation_key
    ):
        libraries |= Q(path__startswith=library.path, depth=library.depth + 1)
    lessons = LessonPage.objects.filter(libraries)
    return (
        for_readers_of(lessons, language_of(index))
        .live()
        .public()
        .order_by("-date", "-pk")
        .select_related("locale")
        .prefetch_related("topics", "countries")
    )


def latest_lessons(language_code: str, limit: int = 3) -> list[LessonPage]:
    """The newest public lessons for readers of ``language_code``: the same for every
    reader, so kept in the site's cache until a page changes."""
    return chrome.cached(
        None,
        "latest-lessons",
        lambda: with_reader_urls(
            for_readers_of(LessonPage.objects.live().public(), language_code)
            .order_by("-date", "-pk")
            .select_related("locale")
            .prefetch_related("topics", "countries")[:limit]
        ),
        language_code,
        limit,
        get_language(),
    )


def lesson_context(lesson: LessonPage, request: HttpRequest) -> dict:
    """What the lesson template shows beside the page fields."""
    return {
        **lesson_terms(lesson, request),
        "shown_as_fallback": lesson.shown_as_fallback,
        "brief_url": f"{request.path}?format=pdf",
        "feed_links": feed_links(),
        "og_type": "article",
        "extra_sections": LESSON_SECTIONS.sections(request=request, page=lesson),
    }


def lesson_terms(lesson: LessonPage, request: HttpRequest | None = None) -> dict:
    """The lesson's topics, countries, audiences, cycle and description: the same for
    every reader of a language, kept in the site's cache until a page changes (a
    lesson's terms are saved with it; topics and audiences are fixed codes)."""

    def compute() -> dict:
        topics = list(lesson.topics.all())
        countries = list(lesson.countries.all())
        return {
            "topics": topics,
            "countries": countries,
            "follow_url": follow_url(topics, countries),
            "audiences": list(lesson.audiences.all()),
            "cycle": _cycle_in_language(lesson.cycle, request),
            "og_description": lesson.search_description or _first_key_message(lesson),
        }

    return chrome.cached(request, "lesson-terms", compute, lesson.pk, get_language())


def follow_url(topics, countries) -> str:
    """The follow page with these topics and countries ticked (not yet saved)."""
    query = [("topic", t.code) for t in topics] + [
        ("country", c.code) for c in countries
    ]
    return f"{reverse('follow:page')}?{urlencode(query)}"


def _cycle_in_language(cycle: Page | None, request: HttpRequest) -> Page | None:
    if cycle is None:
        return None
    return in_language_or_source(cycle)


def _first_key_message(lesson: LessonPage) -> str:
    for block in lesson.key_messages:
        return str(block.value)
    return ""


def lessons_from_cycle(cycle: Page) -> list[LessonPage]:
    """Published lessons drawn from `cycle` (any translation of it), in the active
    language, newest first. Public lessons only, so the same for every reader: kept
    in the site's cache until a page changes."""
    return chrome.cached(
        None,
        "cycle-lessons",
        lambda: with_reader_urls(
            for_readers_of(LessonPage.objects.live().public())
            .filter(cycle__translation_key=cycle.translation_key)
            .order_by("-date", "-pk")
            .select_related("locale")
            .prefetch_related("topics", "countries")
        ),
        cycle.translation_key,
        get_language(),
    )


def with_reader_urls(lessons) -> list[LessonPage]:
    """The lessons, each knowing its address for a reader of the active language:
    the reader's library is looked up once per library, not once per lesson (see
    `LessonPage.reader_url`)."""
    lessons = list(lessons)
    library_urls: dict[str, str] = {}
    for lesson in lessons:
        if lesson.in_reader_language:
            continue
        parent_path = lesson.path[: -lesson.steplen]
        if parent_path not in library_urls:
            library_urls[parent_path] = lesson.reader_url.removesuffix(
                f"{lesson.slug}/"
            )
        lesson.__dict__["_reader_url"] = f"{library_urls[parent_path]}{lesson.slug}/"
    return lessons


def followed(user) -> dict[str, list[str]]:
    """The codes of the topics and countries a reader follows."""
    return {
        "topics": list(
            TopicSubscription.objects.filter(user=user).values_list(
                "topic__code", flat=True
            )
        ),
        "countries": list(
            CountrySubscription.objects.filter(user=user).values_list(
                "country__code", flat=True
            )
        ),
    }
