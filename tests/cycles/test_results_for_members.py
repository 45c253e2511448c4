"""Issue #16: results published for members only are announced as such to anonymous
readers, with a login link back to the page (they said "not published yet"), also
when the anonymous page comes from the page cache."""

from urllib.parse import quote

import pytest
from django.test import Client

from districts.factories import UserFactory
from tests.cycles.conftest import make_cycle
from tests.cycles.test_results import (
    CHART_TITLE,
    NOT_PUBLISHED_FR,
    PER_DISTRICT,
    answer,
    publish_results,
)

pytestmark = pytest.mark.django_db

FOR_MEMBERS_FR = "Les résultats sont réservés aux membres des équipes de district"
FOR_MEMBERS_EN = "The results are for members of the district teams"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def results_cycle(cycle_index, district):
    cycle = make_cycle(cycle_index, step=4, slug="resultats", title="Cycle résultats")
    answer(cycle, district, 4)
    return cycle


def publish_in_editor(cycle, **fields):
    """As a facilitator does: a published revision (which also purges the cache)."""
    for name, value in fields.items():
        setattr(cycle, name, value)
    cycle.save_revision().publish()
    cycle.refresh_from_db()
    return cycle


def test_anonymous_readers_of_member_only_results_are_offered_to_log_in(
    results_cycle,
):
    publish_results(results_cycle, [PER_DISTRICT], published=False)
    before = Client().get(results_cycle.url).content.decode()
    assert NOT_PUBLISHED_FR in before  # stored in the anonymous page cache
    publish_in_editor(results_cycle, results_published=True, results_public=False)
    for _reader in range(2):  # the first renders it, the second gets the cache
        html = Client().get(results_cycle.url).content.decode()
        assert NOT_PUBLISHED_FR not in html
        assert FOR_MEMBERS_FR in html
        assert CHART_TITLE not in html
        login = f'href="/fr/login/?next={quote(results_cycle.url, safe="")}%23results"'
        assert login in html
        assert "Connectez-vous pour les lire." in html


def test_english_anonymous_readers_are_told_in_english(cycle, cycle_en):
    publish_in_editor(cycle, results_published=True, results_public=False)
    html = Client().get(cycle_en.url).content.decode()
    assert FOR_MEMBERS_EN in html and "Log in to read them." in html
    assert "/en/login/?next=" in html
    assert "not published yet" not in html


def test_members_still_see_member_only_results(client, member, results_cycle):
    publish_results(results_cycle, [PER_DISTRICT], published=True, public=False)
    client.force_login(member)
    html = client.get(results_cycle.url).content.decode()
    assert CHART_TITLE in html and FOR_MEMBERS_FR not in html


def test_signed_in_reader_without_a_role_is_told_whom_they_are_for(
    client, results_cycle
):
    publish_results(results_cycle, [PER_DISTRICT], published=True, public=False)
    client.force_login(UserFactory(username="no-role"))
    html = client.get(results_cycle.url).content.decode()
    assert FOR_MEMBERS_FR in html and NOT_PUBLISHED_FR not in html
    assert "Connectez-vous pour les lire." not in html
