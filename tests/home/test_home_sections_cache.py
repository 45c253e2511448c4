"""The home page's cycles and lessons come from the site's cache (issue #20: no query of
their own on a reading): what a facilitator publishes, hides or makes private reaches the
next reader at once, and what moves with the clock (a questionnaire opening) is read at
every request, not kept with the list."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cycles.factories import CycleIndexPageFactory
from lessons.factories import LessonPageFactory, LessonsIndexPageFactory
from tests.cycles.conftest import make_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle_index(home_page):
    return CycleIndexPageFactory(parent=home_page)


def _home(client=None) -> str:
    response = (client or Client()).get("/fr/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_reading_of_the_home_page_makes_at_most_one_query(cycle_index):
    make_cycle(cycle_index)
    _home()
    with CaptureQueriesContext(connection) as queries:
        _home()
    assert len(queries) <= 1, [q["sql"][:120] for q in queries]


def test_a_cycle_published_after_a_reading_is_on_the_next_home_page(cycle_index):
    make_cycle(cycle_index, slug="premier", title="Premier cycle")
    assert "Premier cycle" in _home()
    make_cycle(cycle_index, slug="second", title="Second cycle")
    assert "Second cycle" in _home()


def test_a_cycle_unpublished_leaves_the_next_home_page(cycle_index):
    cycle = make_cycle(cycle_index, title="Cycle retiré")
    assert "Cycle retiré" in _home()
    cycle.unpublish()
    assert "Cycle retiré" not in _home()


def test_a_cycle_made_private_leaves_the_anonymous_home_but_not_the_members(
    cycle_index, member
):
    cycle = make_cycle(cycle_index, title="Cycle réservé")
    assert "Cycle réservé" in _home()
    PageViewRestriction.objects.create(
        page=cycle, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Cycle réservé" not in _home()
    signed_in = Client()
    signed_in.force_login(member)
    assert "Cycle réservé" in _home(signed_in)
    assert "Cycle réservé" not in _home()  # the member's list is not the anonymous one


def test_answers_opening_overnight_change_the_call_to_action_without_a_save(
    cycle_index, member, monkeypatch
):
    cycle = make_cycle(cycle_index, step=2, title="Cycle qui ouvre")
    signed_in = Client()
    signed_in.force_login(member)
    before = _home(signed_in)
    assert "Cycle qui ouvre" in before
    assert "Répondre au questionnaire" not in before

    opening_day = cycle.answers_open
    assert opening_day > dt.date.today()
    monkeypatch.setattr("cycles.models.cycle_mixins.site_today", lambda: opening_day)
    after = _home(signed_in)
    assert "Répondre au questionnaire" in after
    assert "Étape 3 sur 6" in after


def test_a_lesson_published_after_a_reading_is_on_the_next_home_page(home_page):
    library = LessonsIndexPageFactory(parent=home_page)
    LessonPageFactory(parent=library, title="Première leçon", date=dt.date(2026, 1, 5))
    assert "Première leçon" in _home()
    LessonPageFactory(parent=library, title="Nouvelle leçon", date=dt.date(2026, 6, 1))
    assert "Nouvelle leçon" in _home()


def test_a_private_lesson_is_never_among_the_latest(home_page):
    library = LessonsIndexPageFactory(parent=home_page)
    lesson = LessonPageFactory(parent=library, title="Leçon réservée")
    assert "Leçon réservée" in _home()
    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Leçon réservée" not in _home()
