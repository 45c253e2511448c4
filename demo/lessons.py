"""The demo lessons library: twelve lessons in French, each translated to English."""

import datetime

from django.utils.text import slugify
from wagtail.models import Locale

from cycles.models import CyclePage
from demo.content.lessons import LESSONS
from districts.models import Country
from home.models import HomePage
from lessons.factories import LessonPageFactory, LessonsIndexPageFactory
from lessons.models import Audience, LessonPage, LessonsIndexPage, Topic
from lessons.signals import briefs_paused
from portal.localize import translate_fields

# Which demo cycle (demo/content/, by French slug) each lesson came from.
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
        "intro": "Leçons, notes politiques et bonnes pratiques issues des cycles d’apprentissage.",
    },
    "en": {
        "title": "Lessons library",
        "slug": "lessons",
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


# The sections every demo lesson shares, in both languages.
SECTIONS = {
    "fr": {
        "body": [("paragraph", "<p>Les districts ont partagé leurs pratiques.</p>")],
        "implementation": "<p>Prévoir un budget pour le carburant des supervisions.</p>",
        "applicability": "<p>Applicable aux districts ruraux à faible densité.</p>",
    },
    "en": {
        "body": [("paragraph", "<p>The districts shared their practices.</p>")],
        "implementation": "<p>Budget for the fuel that supervision visits need.</p>",
        "applicability": "<p>Applies to rural districts with a sparse population.</p>",
    },
}


def _page_fields(item: dict, language: str) -> dict:
    text = item[language]
    slug = {"slug": slugify(text["title"])[:80]} if language != "fr" else {}
    return {
        **slug,
        **SECTIONS[language],
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
    translate_fields(library, english, INDEX["en"])
    for item in LESSONS:
        lesson = LessonPage.objects.child_of(library).filter(slug=item["slug"]).first()
        if lesson is None:
            lesson = LessonPageFactory.build(
                slug=item["slug"], **_page_fields(item, "fr")
            )
            library.add_child(instance=lesson)
        _classify(lesson, item)
        _publish(lesson, _page_fields(item, "fr"))
        translation = translate_fields(lesson, english, _page_fields(item, "en"))
        # Topics, audiences and countries are many-to-many: wagtail-localize leaves
        # them to the translation (it syncs no many-to-many field).
        _classify(translation, item)
        _publish(translation, {})
    return f"{len(LESSONS)} lessons in French and English"
