import datetime as dt

import pytest

from charts.anonymise import DisplayMode
from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from followup.models import FollowUpSchedule
from lessons.factories import LessonPageFactory, LessonsIndexPageFactory


@pytest.fixture
def cycle_index(home_page):
    return CycleIndexPageFactory(parent=home_page)


def make_cycle(cycle_index, step=5, slug="suivi", mode=DisplayMode.NAMES, **dates):
    cycle = CyclePageFactory(
        parent=cycle_index, step=step, slug=slug, title=f"Cycle {slug}", **dates
    )
    cycle.results_published = True
    cycle.results_display_mode = mode
    cycle.save_revision().publish()
    cycle.refresh_from_db()
    return cycle


@pytest.fixture
def cycle(cycle_index):
    return make_cycle(cycle_index)


@pytest.fixture
def lesson(home_page):
    library = LessonsIndexPageFactory(parent=home_page)
    return LessonPageFactory(parent=library, title="Supervision formative")


def post(client, cycle, fields, version=0):
    data = {"version": str(version), **fields}
    return client.post(f"/fr/followup/cycles/{cycle.pk}/commitments/", data)


DISCUSSION_CLOSES = dt.date(2031, 4, 10)


@pytest.fixture
def closed(home_page):
    index = CycleIndexPageFactory(parent=home_page)
    page = CyclePageFactory(
        parent=index,
        title="Ruptures de vaccins",
        slug="ruptures",
        issue_date=dt.date(2031, 1, 10),
        questionnaire_date=dt.date(2031, 2, 1),
        answers_open=dt.date(2031, 3, 1),
        answers_close=dt.date(2031, 3, 15),
        results_date=dt.date(2031, 3, 20),
        discussion_open=dt.date(2031, 3, 25),
        discussion_close=DISCUSSION_CLOSES,
        knowledge_translation_date=dt.date(2031, 4, 20),
        step_override=6,
    )
    FollowUpSchedule.objects.create(cycle=page, months="1, 3")
    return page
