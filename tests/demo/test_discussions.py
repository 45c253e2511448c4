import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cycles.models import CyclePage
from discussions.models import ChannelFailure, CommentDetails, CommentFlag, ForumPage
from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


def test_demo_forums_in_both_languages_with_threads(client):
    call_command("seed_demo")  # the second run: the fixture ran the first
    assert ForumPage.objects.filter(locale__language_code="fr").count() == 3
    assert ForumPage.objects.filter(locale__language_code="en").count() == 3
    comments = CommentDetails.objects.count()
    assert comments >= 3 * 8
    assert CommentFlag.objects.exists()
    french = client.get("/fr/forum/").content.decode()
    assert "Ruptures de stock d'ACT" in french.replace("&#x27;", "'")
    english = client.get("/en/forum/").content.decode()
    assert "Sharing our community health worker roster" in english
    assert "Teams&#x27; forum" in english

    cycle = CyclePage.objects.get(
        slug="revues-des-deces-maternels", locale__language_code="fr"
    )
    on_cycle = CommentDetails.objects.filter(page=cycle)
    assert on_cycle.count() == 7  # not doubled by the second run
    assert on_cycle.exclude(district=None).values("district").distinct().count() >= 3
    anchors = [anchor for anchor, _label in cycle.discussion_anchors()]
    anchored = on_cycle.exclude(anchor="")
    assert set(anchored.values_list("anchor", flat=True)) <= set(anchors[:1])
    assert anchored.exists() == bool(anchors)
    # Its results are published to participants (not public): so is the discussion.
    assert "tricycle-ambulance" not in client.get(cycle.url).content.decode()
    client.force_login(get_user_model().objects.get(username="policymaker"))
    html = client.get(cycle.url).content.decode().replace("&#x27;", "'")
    assert "tricycle-ambulance" in html and "un membre de" in html
    english = cycle.get_translation(
        cycle.locale.__class__.objects.get(language_code="en")
    )
    assert "tricycle-ambulance" in client.get(english.url).content.decode()
    lesson = LessonPage.objects.get(
        slug="supervision-formative-trimestrielle", locale__language_code="fr"
    )
    assert CommentDetails.objects.filter(page=lesson).count() == 3
    assert "grille simplifiée" in client.get(lesson.url).content.decode()


def test_demo_delivery_problems_show_a_held_reply_to_the_facilitator(client):
    """The facilitator trying the demo finds the screen with something to handle: a
    member's reply by e-mail held back (its text kept) and a refused digest."""
    call_command("seed_demo")  # the second run adds none
    assert ChannelFailure.objects.count() == 2
    client.force_login(get_user_model().objects.get(username="facilitator"))
    html = client.get("/admin/delivery-problems/").content.decode()
    assert "la rupture d’ACT a duré trois semaines" in html
    assert "554 5.7.1" in html or "Résumé de la semaine" in html
