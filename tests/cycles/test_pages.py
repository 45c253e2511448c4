import datetime as dt

import pytest
from django.utils import translation

from cycles.factories import CyclePageFactory, dates_for_step
from cycles.selectors import canonical_cycle, questions_for_cycle
from tests.cycles.conftest import make_cycle

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 6])
def test_current_step_follows_the_dates(cycle_index, step):
    cycle = CyclePageFactory(parent=cycle_index, step=step)
    assert cycle.current_step == step
    assert cycle.answers_are_open is (step == 3)


def test_facilitator_override_wins_over_dates(cycle_index):
    cycle = CyclePageFactory(parent=cycle_index, step=2, step_override=5)
    assert cycle.current_step == 5


def test_answers_close_after_the_close_date_even_at_step_three(cycle_index):
    dates = dates_for_step(3)
    dates["answers_close"] = dt.date.today() - dt.timedelta(days=1)
    dates["results_date"] = dt.date.today() + dt.timedelta(days=5)
    cycle = CyclePageFactory(parent=cycle_index, **dates)
    assert cycle.current_step == 3
    assert not cycle.answers_are_open


def test_cycle_page_shows_an_accessible_timeline_in_french(client, cycle):
    html = client.get(cycle.url).content.decode()
    assert 'aria-current="step"' in html
    assert "Ouvert maintenant" in html
    assert "Prochaine échéance" in html
    assert "Réponses" in html


def test_english_page_shows_english_labels_and_shares_the_cycle(
    client, cycle, cycle_en, member
):
    assert canonical_cycle(cycle_en) == cycle
    client.force_login(member)
    html = client.get(cycle_en.url).content.decode()
    assert "Number of stock-outs" in html
    assert "Open now" in html
    with translation.override("fr"):
        fr_labels = [q.label for q in questions_for_cycle(cycle_en)]
    with translation.override("en"):
        en_labels = [q.label for q in questions_for_cycle(cycle)]
    assert "Nombre de ruptures" in fr_labels
    assert "Number of stock-outs" in en_labels


def test_index_lists_newest_first_and_filters_by_step_and_year(client, cycle_index):
    old = make_cycle(cycle_index, step=6, slug="ancien", title="Ancien cycle")
    new = make_cycle(cycle_index, step=3, slug="nouveau", title="Nouveau cycle")
    html = client.get(cycle_index.url).content.decode()
    assert html.index("Nouveau cycle") < html.index("Ancien cycle")
    html = client.get(cycle_index.url + "?step=6").content.decode()
    assert "Ancien cycle" in html and "Nouveau cycle" not in html
    year = old.issue_date.year
    html = client.get(cycle_index.url + f"?year={year}").content.decode()
    assert "Ancien cycle" in html
    assert new.title in client.get(cycle_index.url + "?step=3").content.decode()


def test_home_page_shows_current_cycles_with_a_call_to_action(client, cycle, member):
    client.force_login(member)
    html = client.get("/fr/").content.decode()
    assert cycle.title in html
    assert "Répondre au questionnaire" in html
    assert "Étape 3 sur 6" in html


def test_cycles_appear_in_the_main_navigation(client, cycle):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/cycles/"' in html
