"""Anonymous search result pages from the page cache (issue #20): stored like a
Wagtail page (a GET with no session, no CSRF token in the page), never for a
signed-in reader, purged by a publication, and never holding a page made private."""

import datetime

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def vaccines(make_lesson, home_page_en):
    return make_lesson(
        title="Stock de vaccins à Boké",
        summary="<p>La vaccination dépend de la chaîne du froid.</p>",
        date=datetime.date(2026, 2, 1),
    )


def search(client=None, q="vaccination", **params):
    return (client or Client()).get("/fr/search/", {"q": q, **params})


def test_an_anonymous_search_page_is_stored_and_served_to_the_next_reader(vaccines):
    first, second = search(), search()
    assert first.status_code == second.status_code == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert "Stock de vaccins à Boké" in second.content.decode()
    assert b"csrfmiddlewaretoken" not in second.content
    assert not second.cookies and not second.has_header("Set-Cookie")
    # Another query, another page, another language: each stored apart.
    assert search(q="paludisme")["X-Cache"] == "miss"
    assert search(page="2")["X-Cache"] == "miss"
    assert Client().get("/en/search/", {"q": "vaccination"})["X-Cache"] == "miss"


def test_a_signed_in_reader_never_gets_nor_leaves_a_stored_search(vaccines, member):
    signed_in = Client()
    signed_in.force_login(member)
    for _ in range(2):
        response = search(signed_in)
        assert response.status_code == 200
        assert response.get("X-Cache") != "hit"
    assert search()["X-Cache"] == "miss"  # the member's page was not kept
    assert search(signed_in).get("X-Cache") != "hit"  # nor is the anonymous one given


def test_a_publication_reaches_the_next_anonymous_search(vaccines, make_lesson):
    assert "des nomades" not in search().content.decode()
    assert search()["X-Cache"] == "hit"
    make_lesson(
        title="Vaccination des nomades",
        summary="<p>Des équipes mobiles.</p>",
        date=datetime.date(2026, 3, 1),
    )
    after = search()
    assert after["X-Cache"] == "miss"
    assert "des nomades" in after.content.decode()


@pytest.mark.parametrize("on", ["lesson", "library"])
def test_a_lesson_made_private_is_never_in_a_search_page(vaccines, library, on):
    """The admin's Privacy dialog publishes nothing: the lesson (or the library above
    it) made private leaves the index and the stored search pages at once."""
    assert "Stock de vaccins" in search().content.decode()
    assert search()["X-Cache"] == "hit"
    page = vaccines if on == "lesson" else library
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    for _ in range(2):
        assert "Stock de vaccins" not in search().content.decode()
    restriction.delete()  # privacy lifted: found again
    assert "Stock de vaccins" in search().content.decode()


def test_a_stored_search_is_served_before_the_rate_limit_and_a_miss_counts(
    settings, vaccines
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "2/h"}
    for _ in range(4):  # one miss counted, then stored pages cost nothing
        assert search().status_code == 200
    assert search(q="paludisme").status_code == 200  # the second miss
    refused = search(q="moustiquaires")
    assert refused.status_code == 429
    assert search(q="moustiquaires").status_code == 429  # a refusal is not stored
    assert search()["X-Cache"] == "hit"


def test_a_private_lesson_deleted_leaves_no_entry_behind(vaccines):
    """Its restriction goes with it (post_delete from the page's deletion): the page
    is not indexed again on its way out."""
    PageViewRestriction.objects.create(
        page=vaccines, restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=vaccines, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    vaccines.delete()
    assert not SearchEntry.objects.filter(page_id=vaccines.pk).exists()
    assert "Stock de vaccins" not in search().content.decode()
