"""The demo lessons library: twelve lessons in French, each translated to English."""

import datetime

from wagtail.models import Locale

from cycles.models import CyclePage
from districts.models import Country
from home.models import HomePage
from lessons.demo_content import LESSONS
from lessons.factories import LessonPageFactory, LessonsIndexPageFactory
from lessons.models import Audience, LessonPage, LessonsIndexPage, Topic
from lessons.signals import briefs_paused

# Which demo cycle (cycles/demo_content.py, by French slug) each lesson came from.
SOURCE_CYCLE = {
    "supervision-formative-trimestrielle": "supervision-des-agents-de-sante-communautaire",
    "motivation-relais-communautaires": "supervision-des-agents-de-sante-communautaire",
    "ruptures-medicaments-traceurs": "ruptures-de-stock-de-vaccins",
    "vaccination-strategie-avancee": "ruptures-de-stock-de-vaccins",
    "completude-rapports-dhis2": "completude-des-rapports-mensuels",
    "revue-donnees-trimestrielle": "completude-des-rapports-mensuels",
    "consultations-prenatales": "revues-des-deces-maternels",
}

INDEX = {
    "fr": {
        "title": "Bibliothèque des leçons",
        "intro": "Leçons, notes politiques et bonnes pratiques issues des cycles d'apprentissage.",
    },
    "en": {
        "title": "Lessons library",
        "intro": "Lessons, policy briefs and good practices from the learning cycles.",
    },
}


def _publish(page, fields: dict):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def _library(home: HomePage, locale: Locale) -> LessonsIndexPage:
    library = LessonsIndexPage.objects.child_of(home).first()
    if library is None:
        library = LessonsIndexPageFactory(parent=home)
    return _publish(library, INDEX["fr"])


def _page_fields(item: dict, language: str) -> dict:
    text = item[language]
    return {
        "title": text["title"],
        "key_messages": [("message", m) for m in text["messages"]],
        "summary": f"<p>{text['summary']}</p>",
        "citation": f"District.Team ({item['date'][:4]}). {text['title']}.",
    }


def _source_cycle(item: dict, locale: Locale) -> CyclePage | None:
    """The lesson's demo cycle in `locale` (the French cycle if not translated)."""
    french = CyclePage.objects.filter(
        slug=SOURCE_CYCLE.get(item["slug"], ""), locale__language_code="fr"
    ).first()
    if french is None:
        return None
    translation = french.get_translation_or_none(locale)
    return translation.specific if translation else french


def _classify(lesson: LessonPage, item: dict) -> None:
    lesson.cycle = _source_cycle(item, lesson.locale)
    lesson.lesson_type = item["type"]
    lesson.date = datetime.date.fromisoformat(item["date"])
    lesson.topics.set(Topic.objects.filter(code__in=item["topics"]))
    lesson.audiences.set(Audience.objects.filter(code__in=item["audiences"]))
    lesson.countries.set(Country.objects.filter(code__in=item["countries"]))


def seed() -> str:
    with briefs_paused():
        return _seed()


def _seed() -> str:
    french, english = (
        Locale.objects.get(language_code="fr"),
        Locale.objects.get(language_code="en"),
    )
    home = HomePage.objects.get(locale=french)
    library = _library(home, french)
    library_en = library.get_translation_or_none(english)
    if library_en is None:
        library_en = library.copy_for_translation(english)
    _publish(library_en.specific, INDEX["en"])
    for item in LESSONS:
        lesson = LessonPage.objects.child_of(library).filter(slug=item["slug"]).first()
        if lesson is None:
            lesson = LessonPageFactory.build(
                slug=item["slug"], **_page_fields(item, "fr")
            )
            library.add_child(instance=lesson)
        _classify(lesson, item)
        _publish(lesson, _page_fields(item, "fr"))
        translation = lesson.get_translation_or_none(english)
        if translation is None:
            translation = lesson.copy_for_translation(english)
        translation = translation.specific
        _classify(translation, item)
        _publish(translation, _page_fields(item, "en"))
    return f"{len(LESSONS)} lessons in French and English"
