"""The lesson page's shared pieces from the site's cache (issue #20): its route, terms,
adoption and an anonymous reader's thread are read once per change of the site; each
change (a lesson edit published, a comment, a commitment, a moderation, a privacy
setting) reaches the very next reader, and what one class of reader may see is never
given to another."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from discussions.services import Draft, hide, post_comment
from followup.services import save_commitments
from lessons.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_briefs_on_publish(settings):
    settings.LESSON_BRIEFS_ON_PUBLISH = False


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def read(lesson, user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def commit(cycle, district, member, lesson, visibility="named", what="Engagement A"):
    fields = {
        "c1_what": what,
        "c1_visibility": visibility,
        "c1_lesson": str(lesson.translation_key),
    }
    return save_commitments(cycle, district, member, fields, 0)


def test_the_next_anonymous_reader_reads_no_row_again(lesson, cycle, district, member):
    commit(cycle, district, member, lesson)
    post_comment(member, lesson, Draft("Très utile pour nos revues", None))
    first = read(lesson)
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(lesson.url).content.decode()
    assert second == first or _same_but_nonces(first, second)
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    for table in ("wagtailcore_page", "followup_commitment", "django_comments"):
        assert table not in tables
    assert "Très utile pour nos revues" in second
    assert "Adoptée par 1 district" in second


def _same_but_nonces(first: str, second: str) -> bool:
    nonce = re.compile(r'nonce="[^"]+"')
    return nonce.sub("", first) == nonce.sub("", second)


def test_a_published_edit_reaches_the_next_anonymous_reader(lesson):
    read(lesson)
    assert "Supervision revue" not in read(lesson)
    lesson.title = "Supervision revue et corrigée"
    publish(lesson)
    lesson.topics.add(Topic.objects.get_or_create(code="immunisation")[0])
    publish(lesson)
    html = read(lesson)
    assert "Supervision revue et corrigée" in html
    assert "?topic=immunisation" in html


def test_a_new_comment_and_its_moderation_reach_the_next_anonymous_reader(
    lesson, member, facilitator
):
    assert "Nos stocks sont revenus" not in read(lesson)
    comment = post_comment(member, lesson, Draft("Nos stocks sont revenus", None))
    assert "Nos stocks sont revenus" in read(lesson)
    assert "Nos stocks sont revenus" in read(lesson, member)
    hide(facilitator, comment, "Hors sujet")
    assert "Nos stocks sont revenus" not in read(lesson)
    assert "Nos stocks sont revenus" not in read(lesson, member)


def test_a_commitment_adopting_the_lesson_reaches_the_next_anonymous_reader(
    lesson, public_cycle, district, member
):
    assert "Adoptée par" not in read(lesson)
    commit(public_cycle, district, member, lesson, what="Supervisions mensuelles")
    html = read(lesson)
    assert "Adoptée par 1 district" in html
    assert "Supervisions mensuelles" in html


@pytest.fixture
def public_cycle(cycle):
    cycle.results_public = True
    return publish(cycle)


def test_a_hidden_commitment_seen_by_its_team_never_reaches_others(
    lesson, public_cycle, district, member, facilitator, policymaker
):
    commit(public_cycle, district, member, lesson, "hidden", "Engagement caché")
    # Its team and a facilitator read it first: their pages are kept...
    assert "Engagement caché" in read(lesson, member)
    assert "Engagement caché" in read(lesson, facilitator)
    # ...and never given to the public nor to a policymaker.
    for user in (None, policymaker, None):
        html = read(lesson, user)
        assert "Adoptée par 1 district" in html
        assert "Engagement caché" not in html


def test_outcomes_of_results_for_participants_only_stay_from_the_public(
    lesson, cycle, district, member, policymaker
):
    """``cycle`` publishes its results to participants, not to the public."""
    commit(cycle, district, member, lesson, "named", "Engagement des participants")
    assert "Engagement des participants" in read(lesson, policymaker)
    html = read(lesson)
    assert "Adoptée par 1 district" in html
    assert "Engagement des participants" not in html
    assert "Engagement des participants" in read(lesson, policymaker)


def test_a_lesson_made_private_after_its_route_was_kept_is_refused(lesson):
    read(lesson)
    read(lesson)
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )
    response = Client().get(lesson.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    restriction.delete()
    assert Client().get(lesson.url).status_code == 200


def test_a_signed_in_readers_thread_stays_their_own(lesson, member, teammate):
    comment = post_comment(member, lesson, Draft("Mon propre commentaire", None))
    own = read(lesson, member)
    other = read(lesson, teammate)
    anonymous = read(lesson)
    edit_link = reverse("discussions:edit", args=[comment.pk])
    assert "Mon propre commentaire" in own and "Mon propre commentaire" in other
    assert edit_link in own
    assert edit_link not in other and edit_link not in anonymous
