"""Reply, mention and follow notifications; digests never send an item twice."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from discussions.models import Follow, Notification, NotificationSettings
from discussions.notifications import unsubscribe_token
from discussions.services import set_frequency

pytestmark = pytest.mark.django_db


def test_reply_sends_one_email_in_french_with_unsubscribe_link(
    forum, member, other_member, say
):
    root = say(member, forum, "Question")
    mail.outbox.clear()
    say(other_member, forum, "Voici ma réponse", parent=root)
    assert [m.to for m in mail.outbox] == [[member.email]]
    body = mail.outbox[0].body
    assert "Réponse à votre commentaire" in mail.outbox[0].subject
    assert "Voici ma réponse" in body
    assert "/discussions/unsubscribe/" in body


def test_mention_of_user_and_of_district(forum, member, teammate, other_member, say):
    mail.outbox.clear()
    say(other_member, forum, f"Qu'en pense @{member.username} ?")
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Mention" in mail.outbox[0].subject
    mail.outbox.clear()
    say(other_member, forum, f"Et toute l'équipe @{member.membership.district.code}")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [member.email, teammate.email]
    )


def test_followers_are_told_and_can_unfollow(client, forum, member, other_member, say):
    say(member, forum, "Je lance le sujet")
    mail.outbox.clear()
    say(other_member, forum, "Nouveau fil")
    assert [m.to for m in mail.outbox] == [[member.email]]
    client.force_login(member)
    client.post(reverse("discussions:follow", args=[forum.pk]), {"action": "unfollow"})
    assert not Follow.objects.filter(user=member).exists()
    mail.outbox.clear()
    say(other_member, forum, "Encore un fil")
    assert mail.outbox == []


def test_daily_digest_gathers_items_and_second_run_sends_nothing(
    forum, member, other_member, teammate, say
):
    say(member, forum, "Mon sujet")
    set_frequency(member, "daily")
    mail.outbox.clear()
    say(other_member, forum, "Premier")
    say(teammate, forum, "Second")
    assert [m.to for m in mail.outbox] == [[other_member.email]]  # immediate
    mail.outbox.clear()
    call_command("send_digests")
    assert [m.to for m in mail.outbox] == [[member.email]]
    digest = mail.outbox[0]
    assert "2 nouveaux commentaires" in digest.subject
    assert "Premier" in digest.body and "Second" in digest.body
    call_command("send_digests")
    assert len(mail.outbox) == 1
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


def test_a_digest_of_one_comment_says_so_in_the_singular(
    forum, member, other_member, say
):
    """Issue 16: the subject read "1 nouveaux commentaires"."""
    say(member, forum, "Mon sujet")
    set_frequency(member, "daily")
    say(other_member, forum, "Premier")
    mail.outbox.clear()
    call_command("send_digests")
    [digest] = mail.outbox
    assert digest.subject.endswith("1 nouveau commentaire")


def test_english_reader_gets_english_email(
    client, forum, home_page_en, member, other_member, say
):
    root = say(member, forum, "Question")
    NotificationSettings.objects.filter(user=member).update(language="en")
    mail.outbox.clear()
    say(other_member, forum, "Answer", parent=root)
    assert "Reply to your comment" in mail.outbox[0].subject


def test_unsubscribe_with_signed_token(client, forum, member, other_member, say):
    say(member, forum, "Sujet")
    url = reverse("discussions:unsubscribe", args=[unsubscribe_token(member)])
    assert client.get(url).status_code == 200
    client.post(url)
    assert NotificationSettings.objects.get(user=member).frequency == "never"
    mail.outbox.clear()
    say(other_member, forum, "Rien ne part")
    call_command("send_digests")
    assert mail.outbox == []
    assert client.get(url[:-3] + "xx/").status_code == 403


def test_non_attributed_email_hides_the_author(forum, member, other_member, say):
    forum.__class__.discussion_attribution = "district"
    try:
        root = say(member, forum, "Question")
        mail.outbox.clear()
        other_member.last_name = "Camara"
        other_member.save()
        say(other_member, forum, "Réponse anonyme", parent=root)
    finally:
        del forum.__class__.discussion_attribution
    assert "Camara" not in mail.outbox[0].body
    assert "un membre de Boké" in mail.outbox[0].body


@pytest.mark.parametrize("frequency", ["immediately", "daily"])
def test_a_page_made_private_tells_no_follower_it_keeps_out(
    forum, member, other_member, facilitator, say, frequency
):
    """The forum was restricted to facilitators after the member followed it: a new
    comment there must not reach the member's inbox (nor their digest), while a
    facilitator who follows it is still told."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    say(member, forum, "Je lance le sujet")
    Follow.objects.create(user=facilitator, page=forum)
    if frequency == "daily":
        set_frequency(member, "daily")
        set_frequency(facilitator, "daily")
    private = PageViewRestriction.objects.create(page=forum, restriction_type="groups")
    private.groups.add(Group.objects.get(name="Facilitators"))
    mail.outbox.clear()
    say(other_member, forum, "Un commentaire désormais réservé")
    if frequency == "daily":
        call_command("send_digests")
    assert [m.to for m in mail.outbox] == [[facilitator.email]]
