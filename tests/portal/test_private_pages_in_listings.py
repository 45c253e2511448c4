# ruff: noqa: F811 (the cycle_index fixture is imported, then named as an argument)
"""A page a facilitator makes private (Wagtail's Privacy dialog) stays out of every
listing for the readers its restriction keeps out: the home page's current cycles, the
cycle index, the forum links and the main menu. Those it lets in still see it listed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from discussions.factories import ForumPageFactory
from tests.cycles.conftest import cycle_index, make_cycle  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

SECRET = "Cycle en préparation"


def _restrict(page, kind):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Facilitators"))
    return restriction


@pytest.fixture
def private_cycle(cycle_index, facilitator):
    make_cycle(cycle_index, slug="ouvert", title="Cycle ouvert")
    cycle = make_cycle(cycle_index, slug="prepa", title=SECRET)
    _restrict(cycle, PageViewRestriction.GROUPS)
    return cycle


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_a_cycle_for_facilitators_only_is_not_listed_to_others(
    client, private_cycle, cycle_index, member, reader
):
    if reader == "member":
        client.force_login(member)
    for url in ("/fr/", cycle_index.url):
        html = _html(client, url)
        assert "Cycle ouvert" in html
        assert SECRET not in html


def test_the_facilitators_still_see_their_private_cycle_listed(
    client, private_cycle, cycle_index, facilitator
):
    client.force_login(facilitator)
    for url in ("/fr/", cycle_index.url):
        assert SECRET in _html(client, url)


def test_a_forum_for_signed_in_readers_is_not_in_an_anonymous_readers_forum_links(
    client, home_page, member
):
    shared = ForumPageFactory(parent=home_page, title="Forum partagé", slug="partage")
    hidden = ForumPageFactory(parent=home_page, title="Forum des membres", slug="m")
    _restrict(hidden, PageViewRestriction.LOGIN)
    assert "Forum des membres" not in _html(client, shared.url)
    client.force_login(member)
    assert "Forum des membres" in _html(client, shared.url)


def test_a_private_section_is_not_in_the_anonymous_main_menu(
    client, home_page, cycle_index
):
    cycle_index.show_in_menus = True
    cycle_index.save_revision().publish()
    link = f'href="{cycle_index.url}"'
    assert link in _main_menu(_html(client, "/fr/"))
    _restrict(cycle_index, PageViewRestriction.LOGIN)
    assert link not in _main_menu(_html(client, "/fr/"))


def _main_menu(html: str) -> str:
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]
