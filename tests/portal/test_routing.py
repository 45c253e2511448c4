# ruff: noqa: F811 (the cycle_index fixture is imported, then named as an argument)
"""Pages are routed in two queries (portal/routing.py), and the short cut serves what
Wagtail's own walk down the tree would: the same page, the same 404, the same privacy,
a slug renamed or a page moved seen by the very next request."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from discussions.factories import ForumPageFactory
from portal import chrome
from tests.cycles.conftest import cycle_index, make_cycle  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _page_queries(client, url):
    """The queries on the wagtailcore_page table while serving ``url``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [
        q["sql"] for q in queries.captured_queries if '"wagtailcore_page"' in q["sql"]
    ]


def test_a_cycle_three_levels_down_is_found_in_two_page_queries(
    client, cycle_index, monkeypatch
):
    cached = chrome.cached

    def route_not_cached(request, name, compute, *parts):
        # The route itself is kept too (see the next test): here it is read anew.
        return compute() if name == "route" else cached(request, name, compute, *parts)

    monkeypatch.setattr(chrome, "cached", route_not_cached)
    cycle = make_cycle(cycle_index, slug="paludisme", title="Cycle paludisme")
    client.get(cycle.url)  # the site and its roots are read once, then cached
    response, routing = _page_queries(client, cycle.url)
    assert response.status_code == 200
    assert "Cycle paludisme" in response.content.decode()
    # Wagtail's walk reads a child by slug and its specific row per level (6 here),
    # then the ancestors' aliases before serving; the short cut reads the chain once.
    assert [sql for sql in routing if '"wagtailcore_page"."slug" =' in sql] == []
    assert [sql for sql in routing if '"alias_of_id" FROM' in sql] == []
    assert len([sql for sql in routing if '"url_path" IN' in sql]) == 1


def test_the_next_reader_of_a_page_is_routed_without_a_query(client, cycle_index):
    cycle = make_cycle(cycle_index, slug="paludisme", title="Cycle paludisme")
    client.get(
        cycle.url
    )  # the site, its roots and the route are read once, then cached
    response, routing = _page_queries(client, cycle.url)
    assert response.status_code == 200
    assert "Cycle paludisme" in response.content.decode()
    assert [sql for sql in routing if '"url_path" IN' in sql] == []
    cycle.title = "Cycle paludisme revu"
    cycle.save_revision().publish()
    assert "Cycle paludisme revu" in client.get(cycle.url).content.decode()


def test_a_renamed_slug_is_seen_by_the_next_request(client, cycle_index):
    cycle = make_cycle(cycle_index, slug="ancien", title="Cycle renommé")
    old_url = cycle.url
    assert client.get(old_url).status_code == 200
    cycle.slug = "nouveau"
    cycle.save_revision().publish()
    cycle.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert "Cycle renommé" in client.get(cycle.url).content.decode()


def test_an_unpublished_page_is_a_404_as_with_wagtails_walk(client, cycle_index):
    cycle = make_cycle(cycle_index, slug="retire", title="Cycle retiré")
    assert client.get(cycle.url).status_code == 200
    url = cycle.url
    cycle.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(url + "inconnu/").status_code == 404


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]
)
def test_a_private_cycle_index_still_keeps_its_cycles_private(
    client, cycle_index, member, facilitator, kind
):
    cycle = make_cycle(cycle_index, slug="prive", title="Cycle réservé")
    assert client.get(cycle.url).status_code == 200  # routes cached before privacy
    restriction = PageViewRestriction.objects.create(
        page=cycle_index, restriction_type=kind
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Facilitators"))
    anonymous = client.get(cycle.url)
    assert anonymous.status_code == 302  # to the login page
    assert "Cycle réservé" not in anonymous.content.decode()
    client.force_login(member)
    seen_by_member = client.get(cycle.url)
    if kind == PageViewRestriction.LOGIN:
        assert seen_by_member.status_code == 200
    else:
        assert "Cycle réservé" not in seen_by_member.content.decode()
    client.force_login(facilitator)
    assert "Cycle réservé" in client.get(cycle.url).content.decode()


def test_an_alias_is_served_by_wagtails_walk_with_its_sources_privacy(
    client, home_page, cycle_index
):
    source = ForumPageFactory(parent=home_page, title="Forum source", slug="source")
    PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.LOGIN
    )
    alias = source.create_alias(parent=cycle_index, update_slug="alias")
    response = client.get(alias.url)
    assert response.status_code == 302  # the source's restriction applies to it


def test_a_cycles_sub_paths_are_routed_by_the_page_itself(
    client, cycle_index, facilitator
):
    cycle = make_cycle(cycle_index, step=3, slug="enquete", title="Cycle enquête")
    client.force_login(facilitator)
    # Paths the chain of pages does not hold go through Wagtail's walk, whose last
    # page (routable) answers them.
    assert client.get(f"{cycle.url}export/csv/").status_code == 200
    assert client.get(f"{cycle.url}pas-une-route/").status_code == 404
