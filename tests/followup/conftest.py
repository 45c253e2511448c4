import pytest

from charts.anonymise import DisplayMode
from cycles.factories import CycleIndexPageFactory, CyclePageFactory
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
