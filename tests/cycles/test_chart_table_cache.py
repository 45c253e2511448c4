"""Issue #20: the costly part of a chart (its table, from pandas) is cached for
signed-in readers too, under keys that cannot give one district's view to another,
nor an old table after the charts are refreshed; the page says its hit rate."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from charts.anonymise import DisplayMode
from charts.models import ChartSnapshot
from charts.selectors import table_for
from charts.services import refresh_page_charts
from districts.factories import DistrictFactory
from tests.cycles.conftest import make_cycle
from tests.cycles.test_results import PER_DISTRICT, answer, publish_results

pytestmark = pytest.mark.django_db

MINE = re.compile(r"<tr class=\"chart__mine\"[^>]*><th scope=\"row\">\s*([^<]+?)\s*<")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def results_cycle(cycle_index, district, other_district):
    cycle = make_cycle(cycle_index, step=4, slug="resultats", title="Cycle résultats")
    answer(cycle, district, 4)
    answer(cycle, other_district, 9, "late_order")
    answer(cycle, DistrictFactory(country=district.country, name="Kandi"), 2)
    return cycle


def _read(user, cycle):
    client = Client()
    client.force_login(user)
    response = client.get(cycle.url)
    assert response.status_code == 200
    return response


def test_each_team_gets_its_own_row_from_the_cache(
    results_cycle, member, teammate, other_member, district, other_district
):
    """Tried: a member of Banikoara reads the charts first (stored), then a member of
    Boké: Boké must get its own row and its own name, never Banikoara's."""
    publish_results(results_cycle, [PER_DISTRICT], mode=DisplayMode.NAMES)
    first = _read(member, results_cycle)
    assert first["X-Fragment-Cache"] == "0/1"
    assert MINE.findall(first.content.decode()) == [district.name]

    other = _read(other_member, results_cycle)
    assert other["X-Fragment-Cache"] == "0/1"  # another district: its own entry
    assert MINE.findall(other.content.decode()) == [other_district.name]

    again = _read(teammate, results_cycle)  # Banikoara again: served from the cache
    assert again["X-Fragment-Cache"] == "1/1"
    assert MINE.findall(again.content.decode()) == [district.name]


def test_under_pseudonyms_a_cached_table_names_only_the_readers_district(
    results_cycle, member, other_member, district, other_district
):
    publish_results(results_cycle, [PER_DISTRICT], mode=DisplayMode.PSEUDONYMS)
    _read(member, results_cycle)
    html = _read(other_member, results_cycle).content.decode()
    assert district.name not in html
    assert MINE.findall(html) and MINE.findall(html)[0].startswith("District ")


def test_refreshed_charts_are_never_served_from_the_old_table(
    results_cycle, member, district
):
    publish_results(results_cycle, [PER_DISTRICT])
    assert ">4<" in _read(member, results_cycle).content.decode()
    response = results_cycle.responses.get(district=district)
    response.answers = {**response.answers, "stock_outs": 41}
    response.save()
    refresh_page_charts(results_cycle)
    assert ChartSnapshot.objects.get(block_id="c1").data
    html = _read(member, results_cycle).content.decode()
    assert ">41<" in html


def test_french_and_english_tables_are_kept_apart(results_cycle):
    """Tried: the French table is stored first; an English reader of the same
    snapshot must get English words, not the stored French."""
    publish_results(results_cycle, [PER_DISTRICT])
    snapshot = ChartSnapshot.objects.get(block_id="c1")
    with translation.override("fr"):
        french = table_for(snapshot)
    with translation.override("en"):
        english = table_for(snapshot)
    assert re.fullmatch(r"\d+ of \d+ districts answered", english.summary)
    assert french.summary != english.summary and " of " not in french.summary
