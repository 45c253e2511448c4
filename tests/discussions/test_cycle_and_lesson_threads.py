"""Discussions on real cycle and lesson pages: dates, roles, attribution, synthesis."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cycles.translation import ensure_translation
from discussions.models import Announcement, CommentDetails
from lessons.factories import LessonPageFactory, LessonsIndexPageFactory

pytestmark = pytest.mark.django_db


def post_url(page):
    return reverse("discussions:post", args=[page.pk])


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# --- Who can post when --------------------------------------------------------
@pytest.mark.parametrize(
    ("step", "status", "notice"),
    [
        (4, 404, "La discussion des résultats s’ouvre le"),
        (5, 302, "Votre commentaire"),
        (6, 403, "Cette discussion est close"),
    ],
)
def test_members_post_only_between_the_discussion_dates(
    client, make_cycle, member, step, status, notice
):
    cycle = make_cycle(step=step)
    client.force_login(member)
    response = client.post(post_url(cycle), {"text": "Nos ruptures ont baissé."})
    assert response.status_code == status
    assert CommentDetails.objects.count() == (1 if status == 302 else 0)
    html = client.get(cycle.url).content.decode()
    assert notice in html
    assert ('name="text"' in html) == (status == 302)


def test_discussion_dates_are_inclusive(make_cycle):
    cycle = make_cycle(step=5)
    opens, closes = cycle.discussion_open, cycle.discussion_close

    def at(day):
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))

    assert not cycle.discussion_is_open(at(opens - dt.timedelta(days=1)))
    assert cycle.discussion_is_open(at(opens))
    assert cycle.discussion_is_open(at(closes))
    assert not cycle.discussion_is_open(at(closes + dt.timedelta(days=1)))


def test_the_facilitators_step_override_opens_or_closes_the_discussion(
    client, make_cycle, member
):
    cycle = make_cycle(step=4)
    cycle.step_override = 5
    publish(cycle)
    client.force_login(member)
    assert client.post(post_url(cycle), {"text": "Ouvert"}).status_code == 302
    cycle.step_override = 6
    publish(cycle)
    assert client.post(post_url(cycle), {"text": "Fermé"}).status_code == 403


def test_policymakers_post_on_a_cycle_only_when_the_facilitator_allows(
    client, make_cycle, policymaker
):
    cycle = make_cycle(step=5)
    client.force_login(policymaker)
    assert (
        client.post(post_url(cycle), {"text": "Avis du ministère"}).status_code == 403
    )
    assert (
        "Seuls les facilitateurs et les équipes de district peuvent écrire ici."
        in client.get(cycle.url).content.decode()
    )
    cycle.discussion_allows_policymakers = True
    publish(cycle)
    assert (
        client.post(post_url(cycle), {"text": "Avis du ministère"}).status_code == 302
    )
    assert "Avis du ministère" in client.get(cycle.url).content.decode()


def test_anonymous_readers_see_the_thread_and_are_invited_to_log_in(
    client, make_cycle, member
):
    cycle = make_cycle(step=5)
    client.force_login(member)
    client.post(post_url(cycle), {"text": "Première remarque"})
    client.logout()
    html = client.get(cycle.url).content.decode()
    assert "Première remarque" in html
    assert "Connectez-vous pour participer à la discussion." in html


# --- Non-attributed mode -------------------------------------------------------
def test_cycle_comments_are_not_attributed_by_default(
    client, make_cycle, named_member, other_member, facilitator
):
    cycle = make_cycle(step=5)
    client.force_login(named_member)
    client.post(post_url(cycle), {"text": "Le transport manque à Banikoara."})

    client.force_login(other_member)
    html = client.get(cycle.url).content.decode()
    assert "Le transport manque à Banikoara." in html
    assert "un membre de Banikoara" in html
    assert "Aïcha" not in html and "Bio-Gado" not in html and "member-a" not in html
    assert "ne sont pas attribués" in html

    client.force_login(facilitator)
    assert "Aïcha Bio-Gado" in client.get(cycle.url).content.decode()


def test_named_mode_on_a_cycle_shows_names(
    client, make_cycle, named_member, other_member
):
    cycle = make_cycle(step=5, discussion_attribution="named")
    client.force_login(named_member)
    client.post(post_url(cycle), {"text": "Signé"})
    client.force_login(other_member)
    assert "Aïcha Bio-Gado" in client.get(cycle.url).content.decode()


def test_country_mode_hides_the_district_too(
    client, make_cycle, named_member, other_member
):
    cycle = make_cycle(step=5, discussion_attribution="country")
    client.force_login(named_member)
    client.post(post_url(cycle), {"text": "Au niveau national"})
    client.force_login(other_member)
    html = client.get(cycle.url).content.decode()
    assert "Au niveau national" in html
    assert "Bénin" in html
    assert "Aïcha" not in html and "Banikoara" not in html


# --- The facilitators' synthesis --------------------------------------------------
SYNTHESIS = "<p>Leçon clé : anticiper les commandes de vaccins.</p>"


def test_synthesis_is_shown_and_followers_are_told_once(
    client, make_cycle, member, teammate, locales, home_page_en, benin
):
    cycle = make_cycle(step=5)
    client.force_login(member)
    client.post(post_url(cycle), {"text": "Nous suivons ce cycle."})
    mail.outbox.clear()

    cycle.synthesis = SYNTHESIS
    publish(cycle)
    assert [message.to for message in mail.outbox] == [[member.email]]
    message = mail.outbox[0]
    assert "synthèse" in message.subject
    assert "anticiper les commandes" in message.body
    assert "#synthesis" in message.body

    html = client.get(cycle.url).content.decode()
    assert "La synthèse des facilitateurs" in html
    assert "anticiper les commandes" in html
    published = Announcement.objects.get().published_at
    # The date as the reader's country reads it (Porto-Novo is UTC+1: from 23:00 UTC
    # the day there is already the next one).
    local_day = published.astimezone(ZoneInfo(benin.time_zone)).day
    assert f"Publiée le {local_day}" in html

    cycle.synthesis = SYNTHESIS + "<p>Complément.</p>"
    publish(cycle)
    english = ensure_translation(cycle, "en")
    english.synthesis = "<p>Key lesson: order vaccines early.</p>"
    publish(english)
    assert len(mail.outbox) == 1
    assert Announcement.objects.count() == 1


def test_the_synthesis_of_a_private_cycle_is_announced_only_to_those_it_lets_in(
    client, make_cycle, member, facilitator
):
    """The cycle was restricted to facilitators: its followers among the teams are not
    sent its title and synthesis; a facilitator following it is."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from discussions.models import Follow

    cycle = make_cycle(step=5)
    Follow.objects.create(user=member, page=cycle)
    Follow.objects.create(user=facilitator, page=cycle)
    private = PageViewRestriction.objects.create(page=cycle, restriction_type="groups")
    private.groups.add(Group.objects.get(name="Facilitators"))
    mail.outbox.clear()
    cycle.synthesis = SYNTHESIS
    publish(cycle)
    assert [message.to for message in mail.outbox] == [[facilitator.email]]


def test_synthesis_waits_for_step_five(client, make_cycle, member):
    cycle = make_cycle(step=4)
    Follow = __import__("discussions.models", fromlist=["Follow"]).Follow
    Follow.objects.create(user=member, page=cycle)
    cycle.synthesis = SYNTHESIS
    publish(cycle)
    assert mail.outbox == []
    assert "anticiper les commandes" not in client.get(cycle.url).content.decode()


# --- Lessons -------------------------------------------------------------------
@pytest.fixture
def lesson(home_page, settings):
    settings.LESSON_BRIEFS_ON_PUBLISH = False
    library = LessonsIndexPageFactory(parent=home_page)
    return publish(LessonPageFactory(parent=library, title="Supervision formative"))


def test_lesson_thread_is_shared_by_french_and_english_readers(
    client, lesson, locales, home_page_en, named_member, other_member
):
    library_en = lesson.get_parent().copy_for_translation(locales["en"])
    publish(library_en)
    english = lesson.copy_for_translation(locales["en"])
    english.title = "Formative supervision"
    english = publish(english.specific)

    client.force_login(named_member)
    response = client.post(
        post_url(english), {"text": "Useful for our district.", "next": english.url}
    )
    assert response.status_code == 302
    assert CommentDetails.objects.get().page_id == lesson.pk

    client.force_login(other_member)
    french_html = client.get(lesson.url).content.decode()
    english_html = client.get(english.url).content.decode()
    for html in (french_html, english_html):
        assert "Useful for our district." in html
        assert "Aïcha Bio-Gado" in html  # lessons are discussed by name
    assert "Discussion" in english_html and "Log in" not in english_html
    client.post(post_url(lesson), {"text": "Merci, très utile."})
    assert "Merci, très utile." in client.get(english.url).content.decode()


def test_lesson_thread_invites_anonymous_readers_to_log_in(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "Connectez-vous pour participer à la discussion." in html


# --- The shared rate limit ------------------------------------------------------
def test_comment_rate_comes_from_the_shared_settings(
    client, make_cycle, member, settings, monkeypatch
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comments": "2/m"}
    cycle = make_cycle(step=5)
    client.force_login(member)
    statuses = [
        client.post(post_url(cycle), {"text": f"Remarque {n}"}).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    settings.RATE_LIMITS_ENABLED = False
    assert client.post(post_url(cycle), {"text": "Sans limite"}).status_code == 302
    assert CommentDetails.objects.count() == 3


def test_cycle_anchors_are_the_charts_of_its_results_stream(make_cycle):
    from wagtail import blocks

    from charts.blocks import ChartBlock

    cycle = make_cycle(step=5)
    assert cycle.discussion_anchors() == []  # no results yet
    stream = blocks.StreamBlock(
        [("chart", ChartBlock()), ("text", blocks.RichTextBlock())]
    )
    cycle.results = blocks.StreamValue(
        stream,
        [
            ("chart", {"title": "Décès revus dans les 7 jours"}, "c1"),
            ("text", "<p>Lecture</p>", "t1"),
            ("chart", {"title": "Délais de référence"}, "c2"),
        ],
    )
    assert cycle.discussion_anchors() == [
        ("c1", "Décès revus dans les 7 jours"),
        ("c2", "Délais de référence"),
    ]


def test_a_translation_follows_the_source_cycles_discussion_rules(
    client, make_cycle, named_member, other_member, locales, home_page_en
):
    cycle = make_cycle(step=5, discussion_attribution="named")
    english = cycle.copy_for_translation(locales["en"], copy_parents=True)
    english = publish(english.specific)
    cycle.discussion_attribution = "district"  # changed after translating
    publish(cycle)
    client.force_login(named_member)
    assert client.post(post_url(english), {"text": "From English"}).status_code == 302
    client.force_login(other_member)
    html = client.get(english.url).content.decode()
    assert "From English" in html
    assert "Aïcha" not in html and "a member of Banikoara" in html


def test_an_english_follower_is_sent_to_an_english_page_that_shows_the_synthesis(
    client, make_cycle, member, home_page_en
):
    """Issue 12: the French synthesis was e-mailed to English followers while their
    page did not show it. Now the page shows it (in French, with a notice) and the
    e-mail links there."""
    from cycles.translation import translate_cycle
    from discussions.models import NotificationSettings

    cycle = make_cycle(step=5)
    english = translate_cycle(cycle, "en", {"title": "Vaccines", "slug": "vaccines"})
    client.force_login(member)
    client.post(post_url(cycle), {"text": "We follow this cycle."})
    NotificationSettings.objects.update_or_create(
        user=member, defaults={"language": "en"}
    )
    mail.outbox.clear()
    cycle.synthesis = SYNTHESIS
    publish(cycle)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "anticiper les commandes" in body
    assert english.url in body
    html = client.get(english.url).content.decode()
    assert "anticiper les commandes" in html
    assert "This synthesis has not been translated yet" in html
