"""Fixtures behind the page types of tests/public_pages.py (cycles, lessons, forum,
participation links).

Imported by the conftest of every suite that walks PUBLIC_PAGES; names start with
``pp_`` so they never shadow an app's own fixtures.
"""

import datetime

import pytest
from django.test import Client

from cycles.factories import CycleIndexPageFactory
from cycles.services import submit_response
from cycles.translation import QuestionText, ensure_translation, sync_questions
from discussions.factories import ForumPageFactory
from lessons.alerts import unsubscribe_token as lesson_alert_token
from lessons.factories import LessonPageFactory, LessonsIndexPageFactory
from participation.invitations.links import make_token
from participation.invitations.services import invite
from participation.reminders.services import unsubscribe_token
from tests.cycles.conftest import ENGLISH_CHOICES, QUESTIONS, make_cycle

SURVEY_STEPS = (2, 3, 5, 6)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate_cycle(cycle, title: str, slug: str):
    english = ensure_translation(cycle, "en")
    english.title = title
    english.slug = slug
    texts = {
        name: QuestionText(label_en, "", ENGLISH_CHOICES.get(name, ""))
        for name, _kind, _fr, label_en, _extra in QUESTIONS
    }
    return sync_questions(cycle, english, texts)


@pytest.fixture
def pp_cycle_index(home_page, home_page_en):
    return CycleIndexPageFactory(parent=home_page)


@pytest.fixture
def pp_cycles(pp_cycle_index):
    """One cycle per step a reader sees (FR and EN): {step: (french, english)}."""
    cycles = {}
    for step in SURVEY_STEPS:
        french = make_cycle(
            pp_cycle_index,
            step=step,
            slug=f"cycle-etape-{step}",
            title=f"Cycle à l'étape {step}",
        )
        english = translate_cycle(french, f"Cycle at step {step}", f"cycle-step-{step}")
        cycles[step] = (french, english)
    return cycles


@pytest.fixture
def pp_cycle_index_en(pp_cycles, pp_cycle_index):
    return pp_cycle_index.get_translation(pp_cycles[3][1].locale).specific


@pytest.fixture
def pp_receipt_cycle(pp_cycles, district, member):
    """The step-3 cycle with the member's district's answers submitted."""
    french, english = pp_cycles[3]
    submit_response(french, district, member, {"stock_outs": 4, "comment": "Fait"}, 0)
    return french, english


@pytest.fixture
def pp_library(home_page, home_page_en, locales):
    library = LessonsIndexPageFactory(parent=home_page)
    english = library.copy_for_translation(locales["en"])
    english.title = "Lessons library"
    return library, publish(english)


@pytest.fixture
def pp_lessons(pp_library, locales, settings):
    """A lesson in both languages and one only in French: (fr, en, french_only)."""
    settings.LESSON_BRIEFS_ON_PUBLISH = False
    library, _english_library = pp_library
    lesson = publish(
        LessonPageFactory(
            parent=library,
            slug="supervision",
            title="Supervision formative des centres de santé",
            topics=["community-health"],
            countries=[],
            date=datetime.date(2026, 3, 15),
        )
    )
    english = lesson.copy_for_translation(locales["en"])
    english.title = "Formative supervision of health centres"
    english.slug = "supervision-en"
    english = publish(english)
    french_only = publish(
        LessonPageFactory(
            parent=library,
            slug="lecon-francais",
            title="Leçon seulement en français",
            date=datetime.date(2026, 2, 1),
        )
    )
    return lesson, english, french_only


@pytest.fixture
def pp_forum(home_page, home_page_en, locales):
    forum = ForumPageFactory(parent=home_page)
    english = forum.copy_for_translation(locales["en"])
    english.title = "Teams' forum"
    return forum, publish(english)


@pytest.fixture
def pp_lesson_alert_token(policymaker):
    """The signed token of the policymaker's "stop lesson alerts" link."""
    return lesson_alert_token(policymaker)


@pytest.fixture
def pp_reminder_token(member):
    """The signed token of the member's "stop reminders" link (as in the e-mails)."""
    return unsubscribe_token(member)


@pytest.fixture
def pp_invitation_token(district, facilitator):
    """The signed token of a fresh invitation's "choose your password" link."""
    invitation = invite(
        name="Awa Koné",
        email="awa.kone@example.org",
        district=district,
        language="fr",
        invited_by=facilitator,
    )
    return make_token(invitation)


def session_cookie(user, base_url: str) -> dict:
    """A signed-in session for `user`, as a Playwright cookie for `base_url`."""
    client = Client()
    client.force_login(user)
    return {
        "name": "sessionid",
        "value": client.cookies["sessionid"].value,
        "url": base_url,
    }
