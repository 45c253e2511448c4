"""Every channel's failures reach the facilitators (admin "Delivery problems" and the
dashboard panel) and never lose what a member typed nor break the page: refused
replies by e-mail, an unreachable mailbox, a refused webhook, a mail server that
refuses the notifications. Through the real paths: real MIME replies, the local
IMAP and SMTP servers, the webhook URLs."""

import base64
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from discussions.inbound import receive
from discussions.models import ChannelFailure, Notification
from discussions.notifications import send_digests
from tests.discussions.replies import reply
from tests.discussions.smtp_server import SmtpServer

pytestmark = pytest.mark.django_db
LISTING = "/admin/delivery-problems/"


@pytest.fixture
def asked(forum, member, other_member, say):
    question = say(member, forum, "Avez-vous formé les agents ?")
    return say(other_member, forum, "Oui, en novembre.", parent=question)


@pytest.fixture
def smtp(settings):
    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
        yield server


def _listing(client, facilitator, query=""):
    client.force_login(facilitator)
    response = client.get(LISTING + query)
    assert response.status_code == 200
    return response.content.decode()


# --- Replies by e-mail -----------------------------------------------------------


def test_a_rate_limited_reply_is_listed_with_its_text_and_can_be_posted(
    client, settings, asked, member, facilitator
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comments": "1/m"}
    cache.clear()
    assert receive(reply("outlook_en", member, asked)).status == "posted"
    assert receive(reply("iphone_fr", member, asked)).reason == "rate-limited"
    (failure,) = ChannelFailure.objects.all()
    assert (failure.user, failure.page_id, failure.bounced) == (
        member,
        asked.details.page_id,
        True,
    )
    html = _listing(client, facilitator)
    assert "Trop de commentaires en peu de temps" in html
    assert "Oui, nous serons là jeudi" in html  # the typed text, nothing lost
    assert member.email in html
    response = client.post(
        reverse("discussions_failure_act", args=[failure.pk]), {"action": "post"}
    )
    assert response.status_code == 302
    posted = XtdComment.objects.filter(user=member).latest("pk")
    assert posted.comment.startswith("Oui, nous serons là jeudi")
    assert posted.parent_id == asked.pk
    failure.refresh_from_db()
    assert failure.resolved_at is not None and failure.posted_comment == posted
    assert f"publiée comme commentaire n°\u00a0{posted.pk}" in _listing(
        client, facilitator
    )


@pytest.mark.parametrize(
    ("fixture", "setup", "reason", "label"),
    [
        ("only_quote", None, "empty", "Vide une fois"),
        ("gmail_fr", "close", "closed", "Discussion close"),
        ("gmail_fr", "wrong-sender", "wrong-sender", "depuis une autre adresse"),
    ],
)
def test_each_refused_reply_is_listed_with_a_clear_reason(
    client,
    asked,
    member,
    other_member,
    forum,
    facilitator,
    fixture,
    setup,
    reason,
    label,
):
    sender = other_member.email if setup == "wrong-sender" else None
    if setup == "close":
        forum.is_open = False
        forum.save_revision().publish()
    outcome = receive(reply(fixture, member, asked, sender=sender))
    assert outcome.reason == reason
    failure = ChannelFailure.objects.get()
    assert (failure.channel, failure.reason, failure.user) == (
        "inbound",
        reason,
        member,
    )
    assert failure.text  # the body is kept even when nothing was left to post
    assert label in _listing(client, facilitator)


def test_a_forged_address_from_a_stranger_keeps_no_text_and_hides_the_address(
    client, asked, member, facilitator
):
    to = "reply+c1-u1.1abc.AAAAAAAAAAAAAAAAAAAAAA@reply.district.test"
    receive(reply("gmail_fr", member, to=to, sender="spammer@example.org"))
    failure = ChannelFailure.objects.get()
    assert (failure.reason, failure.sender, failure.text) == (
        "bad-token",
        "s…@example.org",
        "",
    )
    html = _listing(client, facilitator)
    assert "Adresse de réponse invalide ou falsifiée" in html
    assert "spammer@" not in html


def test_a_bounce_the_mail_server_refuses_is_listed_and_can_be_sent_again(
    client, smtp, asked, member, forum, facilitator
):
    forum.is_open = False
    forum.save_revision().publish()
    smtp.refuse = True
    outcome = receive(reply("gmail_fr", member, asked))
    assert outcome.status == "ignored"  # nobody told: no 500 for the ESP either
    inbound = ChannelFailure.objects.get(channel="inbound")
    assert inbound.bounced is False
    assert ChannelFailure.objects.filter(channel="outbound", user=member).exists()
    smtp.refuse = False
    smtp.messages.clear()
    client.force_login(facilitator)
    client.post(
        reverse("discussions_failure_act", args=[inbound.pk]), {"action": "resend"}
    )
    (sent,) = smtp.messages
    assert b"Subject: =?utf-8?" in sent or b"Subject:" in sent
    assert member.email.encode() in sent
    inbound.refresh_from_db()
    assert inbound.bounced is True


def test_an_unreachable_mailbox_is_listed(client, settings, facilitator):
    settings.REPLY_IMAP = {
        **settings.REPLY_IMAP,
        "HOST": "127.0.0.1",
        "PORT": 9,
        "SSL": False,
    }
    with pytest.raises(CommandError, match="IMAP 127.0.0.1"):
        call_command("receive_reply_mail", stdout=StringIO())
    failure = ChannelFailure.objects.get()
    assert failure.reason == "imap-error"
    assert "Boîte aux lettres (IMAP) injoignable" in _listing(client, facilitator)


def test_a_refused_webhook_is_listed_once_per_sender_and_window(
    client, asked, member, facilitator
):
    wrong = "Basic " + base64.b64encode(b"esp-user:guess").decode()
    for _attempt in range(3):
        response = client.post(
            "/anymail/postmark/inbound/",
            data="{}",
            content_type="application/json",
            HTTP_AUTHORIZATION=wrong,
        )
        assert response.status_code == 400
    failure = ChannelFailure.objects.get()
    assert (failure.reason, failure.sender) == ("webhook-refused", "127.0.0.1")
    assert failure.detail.startswith("postmark: Missing or invalid basic auth")
    assert "Webhook refusé" in _listing(client, facilitator)


def test_members_cannot_see_the_listing_nor_act(client, asked, member):
    receive(reply("only_quote", member, asked))
    failure = ChannelFailure.objects.get()
    client.force_login(member)
    assert client.get(LISTING).status_code in (302, 403)
    response = client.post(
        reverse("discussions_failure_act", args=[failure.pk]), {"action": "handled"}
    )
    assert response.status_code in (302, 403)
    failure.refresh_from_db()
    assert failure.resolved_at is None


# --- Outgoing e-mail -------------------------------------------------------------


def test_a_refusing_mail_server_never_loses_the_comment_nor_gives_a_500(
    client, smtp, forum, member, other_member, say, facilitator
):
    question = say(member, forum, "Avez-vous formé les agents ?")
    smtp.refuse = True
    client.force_login(other_member)
    response = client.post(
        reverse("discussions:post", args=[forum.pk]),
        {"text": "Oui, en novembre.", "parent": question.pk, "next": forum.url},
    )
    assert response.status_code == 302
    answer = XtdComment.objects.filter(user=other_member).get()
    assert answer.comment == "Oui, en novembre."
    # The notification to the question's author waits for the next run.
    notification = Notification.objects.get(user=member, comment=answer)
    assert notification.sent_at is None
    failure = ChannelFailure.objects.get(channel="outbound")
    assert failure.user == member and "554" in failure.detail
    assert "Le serveur de courrier a refusé" in _listing(client, facilitator)
    smtp.refuse = False
    assert send_digests() == 1
    assert len(smtp.messages) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None


# --- The dashboard ---------------------------------------------------------------


def test_the_dashboard_sums_up_the_weeks_problems_for_facilitators(
    client, asked, member, facilitator
):
    receive(reply("only_quote", member, asked))
    client.force_login(facilitator)
    html = client.get("/admin/").content.decode()
    assert "Problèmes d’envoi, 7 derniers jours" in html
    assert f"{LISTING}?channel=inbound&amp;state=open" in html
    mail.outbox.clear()


def test_a_quiet_week_says_so(client, facilitator):
    client.force_login(facilitator)
    assert "rien n’a échoué" in client.get("/admin/").content.decode()
