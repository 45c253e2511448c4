import datetime

import pytest

from lessons.factories import LessonPageFactory, LessonsIndexPageFactory
from portal.localize import translate_fields


@pytest.fixture(autouse=True)
def _no_briefs_on_publish(settings):
    """WeasyPrint takes a second per page: only the brief tests turn it back on."""
    settings.LESSON_BRIEFS_ON_PUBLISH = False


@pytest.fixture
def library(home_page):
    return LessonsIndexPageFactory(parent=home_page)


@pytest.fixture
def library_en(library, home_page_en, locales):
    return translate_fields(
        library, locales["en"], {"title": "Lessons library", "slug": "lessons"}
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_lesson(library):
    def make(parent=None, publish_it=True, topics=(), countries=(), **fields):
        fields.setdefault("date", datetime.date(2026, 3, 15))
        lesson = LessonPageFactory(
            parent=parent or library,
            topics=list(topics),
            countries=list(countries),
            **fields,
        )
        return publish(lesson) if publish_it else lesson

    return make


def translate(lesson, locale, **fields):
    """The lesson's translation, through wagtail-localize (as the demo makes them)."""
    return translate_fields(lesson, locale, fields)
