# ruff: noqa: F811 (the cycle_index fixture is imported, then named as an argument)
"""The menu, the site roots and the view restrictions are kept until the site changes
(portal/chrome.py, issue #20): fewer queries on every page, and never a menu that lags
the tree or shows one reader what only another may see."""

import warnings

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cycles.factories import CycleIndexPageFactory
from portal import chrome
from tests.cycles.conftest import cycle_index  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _menu(client, url="/fr/") -> str:
    html = client.get(url).content.decode()
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture
def menu_section(cycle_index):
    cycle_index.show_in_menus = True
    cycle_index.save_revision().publish()
    return cycle_index


def test_the_second_reader_gets_the_menu_without_its_queries(client, menu_section):
    with CaptureQueriesContext(connection) as first:
        client.get("/fr/")
    with CaptureQueriesContext(connection) as second:
        client.get("/fr/")
    assert len(second) <= len(first) - 3  # menu, its restrictions, the site roots
    assert f'href="{menu_section.url}"' in _menu(client)


def test_a_private_section_seen_by_a_facilitator_is_not_given_to_the_next_reader(
    client, menu_section, facilitator
):
    """Tried: the facilitator, whom the restriction lets in, renders the menu first;
    an anonymous reader right after must not get that menu."""
    restriction = PageViewRestriction.objects.create(
        page=menu_section, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Facilitators"))
    client.force_login(facilitator)
    assert f'href="{menu_section.url}"' in _menu(client)
    client.logout()
    assert f'href="{menu_section.url}"' not in _menu(client)


def test_a_renamed_section_shows_its_new_title_at_once(client, menu_section):
    assert "Cycles d’apprentissage" not in _menu(client)
    menu_section.title = "Cycles d’apprentissage"
    menu_section.save_revision().publish()
    assert "Cycles d’apprentissage" in _menu(client)


def test_a_section_added_without_publication_is_in_the_next_menu(
    client, home_page, menu_section
):
    """A page written by code (an import, a fixture) sends no publication signal; the
    saved row alone renews the menu."""
    _menu(client)
    CycleIndexPageFactory(
        parent=home_page, title="Archives", slug="archives", show_in_menus=True
    )
    assert "Archives" in _menu(client)


def test_off_the_menu_is_read_on_every_request(client, menu_section, settings):
    """CHROME_CACHE off (production without Redis): each request reads it again."""
    counts = {}
    for flag in (False, True):
        settings.CHROME_CACHE = flag
        client.get("/fr/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/fr/")
        counts[flag] = len(queries)
    assert counts[True] < counts[False]


def test_many_parts_make_a_short_key_of_their_own(settings):
    """Search keys its hits' addresses by every page id: the key stays short (no
    memcached warning) and two lists of ids never share a value."""
    settings.CHROME_CACHE = True
    ids = list(range(1000, 1100))
    assert chrome.cached(None, "ids", lambda: "first", *ids) == "first"
    assert chrome.cached(None, "ids", lambda: "again", *ids) == "first"
    assert chrome.cached(None, "ids", lambda: "other", *ids[:-1]) == "other"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chrome.cached(None, "ids", lambda: "third", *ids, "x")
