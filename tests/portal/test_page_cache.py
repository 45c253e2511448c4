"""Anonymous readers' pages from the page cache (portal/pagecache.py): a second reader
gets the stored page, and whatever changes the page reaches the next reader at once;
signed-in members never get, nor leave behind, a stored page."""

# ruff: noqa: F811 (the public-page fixtures are imported, then named as arguments)
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from charts.services import refresh_page_charts
from cycles.services import submit_response
from discussions.factories import ForumPageFactory
from discussions.services import Draft, hide, post_comment
from tests.public_page_fixtures import (  # noqa: F401 (fixtures)
    pp_cycle_index,
    pp_cycles,
    pp_lessons,
    pp_library,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def forum(home_page, home_page_en):
    return ForumPageFactory(parent=home_page)


def anonymous_get(path):
    return Client().get(path)


def test_second_anonymous_reader_gets_the_same_page_from_the_cache(home_page_en):
    first = anonymous_get("/fr/")
    second = anonymous_get("/fr/")
    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert _without_nonces(second) == _without_nonces(first)


NONCE = re.compile(rb"nonce-([A-Za-z0-9+/=]+)'")


def _nonce(response) -> bytes:
    return NONCE.search(response["Content-Security-Policy"].encode()).group(1)


def _without_nonces(response) -> bytes:
    return response.content.replace(_nonce(response), b"NONCE")


def test_each_reader_of_a_stored_page_gets_a_nonce_of_their_own(home_page_en):
    """Review case: every reader of one stored page was sent the same CSP nonce, which
    an attacker who read the page once could then reuse in an injected script."""
    readers = [anonymous_get("/fr/") for _ in range(3)]
    assert [r["X-Cache"] for r in readers] == ["miss", "hit", "hit"]
    nonces = [_nonce(r) for r in readers]
    assert len(set(nonces)) == 3
    for reader, nonce in zip(readers, nonces, strict=True):
        # The page's scripts carry the nonce its own policy allows, and no other.
        assert b'nonce="' + nonce + b'"' in reader.content
        assert set(re.findall(rb'nonce="([^"]+)"', reader.content)) == {nonce}


def test_compressed_and_plain_readers_share_one_stored_page(home_page_en):
    plain = anonymous_get("/fr/")
    gzipped = Client().get("/fr/", headers={"accept-encoding": "gzip"})
    assert gzipped["X-Cache"] == "hit"
    assert gzipped["Content-Encoding"] == "gzip"
    assert plain["X-Cache"] == "miss"


def test_lessons_and_library_pages_are_cached(pp_lessons, pp_library):
    for page in (pp_library[0], pp_library[1], pp_lessons[0], pp_lessons[1]):
        assert anonymous_get(page.url)["X-Cache"] == "miss"
        assert anonymous_get(page.url)["X-Cache"] == "hit"


def test_french_and_english_are_stored_apart(home_page_en):
    french = anonymous_get("/fr/")
    english = anonymous_get("/en/")
    assert english["X-Cache"] == "miss"
    assert _without_nonces(anonymous_get("/en/")) == _without_nonces(english)
    assert _without_nonces(anonymous_get("/fr/")) == _without_nonces(french)
    assert french.content != english.content
    assert 'lang="fr"' in french.content.decode()
    assert 'lang="en"' in english.content.decode()


def test_a_query_string_is_a_page_of_its_own(pp_cycles):
    index = pp_cycles[3][0].get_parent().url
    assert anonymous_get(index)["X-Cache"] == "miss"
    assert anonymous_get(index + "?step=6")["X-Cache"] == "miss"
    assert anonymous_get(index + "?step=6")["X-Cache"] == "hit"


def test_a_new_comment_reaches_the_next_anonymous_reader(forum, member):
    before = anonymous_get(forum.url)
    assert anonymous_get(forum.url)["X-Cache"] == "hit"
    post_comment(member, forum, Draft("Nos stocks sont revenus", None))
    after = anonymous_get(forum.url)
    assert "Nos stocks sont revenus" not in before.content.decode()
    assert after["X-Cache"] == "miss"
    assert "Nos stocks sont revenus" in after.content.decode()


def test_a_comment_posted_through_the_form_reaches_the_next_reader(forum, member):
    anonymous_get(forum.url)
    poster = Client()
    poster.force_login(member)
    response = poster.post(
        reverse("discussions:post", args=[forum.pk]),
        {"text": "Commentaire par le formulaire"},
    )
    assert response.status_code in (200, 302)
    assert "Commentaire par le formulaire" in anonymous_get(forum.url).content.decode()


def test_a_hidden_comment_leaves_the_next_anonymous_readers_page(
    forum, member, facilitator
):
    comment = post_comment(member, forum, Draft("Achetez mes médicaments", None))
    assert "Achetez mes médicaments" in anonymous_get(forum.url).content.decode()
    assert anonymous_get(forum.url)["X-Cache"] == "hit"
    hide(facilitator, comment, "Publicité")
    assert "Achetez mes médicaments" not in anonymous_get(forum.url).content.decode()


def test_a_publication_reaches_the_next_anonymous_reader(pp_lessons, pp_library):
    lesson, library = pp_lessons[0], pp_library[0]
    for url in (lesson.url, library.url):
        assert "Supervision revue" not in anonymous_get(url).content.decode()
        assert anonymous_get(url)["X-Cache"] == "hit"
    lesson.title = "Supervision revue et corrigée"
    publish(lesson)
    for url in (lesson.url, library.url):
        assert "Supervision revue et corrigée" in anonymous_get(url).content.decode()


def test_an_unpublished_page_is_gone_for_the_next_anonymous_reader(pp_lessons):
    lesson = pp_lessons[0]
    assert anonymous_get(lesson.url).status_code == 200
    url = lesson.url
    lesson.unpublish()
    assert anonymous_get(url).status_code == 404


@pytest.mark.parametrize("restriction", ["login", "groups"])
def test_a_page_made_private_is_gone_for_the_next_anonymous_reader(
    pp_lessons, pp_library, restriction
):
    """A facilitator sets the lesson's privacy (the admin's Privacy dialog saves a
    PageViewRestriction, no publication): the copy stored for anonymous readers must
    go at once, the lesson's own page and the library listing it."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    lesson, library = pp_lessons[0], pp_library[0]
    for url in (lesson.url, library.url):
        anonymous_get(url)
        assert anonymous_get(url)["X-Cache"] == "hit"
    restricted = PageViewRestriction.objects.create(
        page=lesson, restriction_type=restriction
    )
    if restriction == "groups":
        restricted.groups.add(Group.objects.get_or_create(name="Facilitators")[0])
    response = anonymous_get(lesson.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert lesson.title not in anonymous_get(library.url).content.decode()
    restricted.delete()  # privacy lifted: readable again at once
    assert anonymous_get(lesson.url).status_code == 200


def test_a_survey_submission_reaches_the_next_anonymous_reader(
    district, member, pp_cycles
):
    # The district exists before the cycle's answers open: it takes part (a district
    # created afterwards would not be counted, see test_frozen_participants).
    french, _english = pp_cycles[3]
    before = anonymous_get(french.url).content.decode()
    assert anonymous_get(french.url)["X-Cache"] == "hit"
    submit_response(french, district, member, {"stock_outs": 4, "comment": "Fait"}, 0)
    after = anonymous_get(french.url)
    assert after["X-Cache"] == "miss"
    assert "0 district sur 1 a répondu" in before
    assert "1 district sur 1 a répondu" in after.content.decode()


def test_a_signed_in_member_never_gets_nor_leaves_a_stored_page(
    pp_cycles, district, member
):
    french, _english = pp_cycles[3]
    anonymous_get(french.url)  # stored for anonymous readers
    signed_in = Client()
    signed_in.force_login(member)
    for _ in range(2):
        response = signed_in.get(french.url)
        assert response.status_code == 200
        assert response.get("X-Cache") != "hit"
    name = member.get_full_name() or member.get_username()
    assert name in response.content.decode()
    cache.clear()
    signed_in.get(french.url)  # a member is the first reader after a purge
    anonymous = anonymous_get(french.url)
    assert anonymous["X-Cache"] == "miss"
    assert name not in anonymous.content.decode()
    assert b"csrfmiddlewaretoken" not in anonymous.content


def test_no_stored_page_has_a_csrf_token_or_sets_a_cookie(
    forum, pp_cycles, pp_lessons, home_page_en
):
    paths = ["/fr/", "/en/", forum.url, pp_cycles[3][0].url, pp_lessons[0].url]
    for path in paths:
        anonymous_get(path)
        stored = anonymous_get(path)
        if stored["X-Cache"] == "hit":
            assert b"csrfmiddlewaretoken" not in stored.content
            assert not stored.cookies
            assert not stored.has_header("Set-Cookie")


def test_a_page_with_a_csrf_token_is_never_stored(home_page_en):
    # The sign-in page holds a form: not a Wagtail page, and never stored anyway.
    assert anonymous_get("/fr/login/").get("X-Cache") != "hit"
    assert anonymous_get("/fr/login/").get("X-Cache") != "hit"


def test_posts_and_the_admin_are_never_served_from_the_cache(home_page_en):
    anonymous_get("/fr/")
    assert Client().post("/fr/").get("X-Cache") is None
    assert anonymous_get("/admin/login/").get("X-Cache") is None


def test_zero_seconds_turns_the_cache_off(settings, home_page_en):
    settings.PAGE_CACHE_SECONDS = 0
    anonymous_get("/fr/")
    assert anonymous_get("/fr/").get("X-Cache") is None


def test_recomputed_charts_reach_the_next_anonymous_reader(pp_cycles):
    french, _english = pp_cycles[3]
    anonymous_get(french.url)
    assert anonymous_get(french.url)["X-Cache"] == "hit"
    refresh_page_charts(french)
    assert anonymous_get(french.url)["X-Cache"] == "miss"
