"""Replies by e-mail: a notification's Reply-To answers in the thread, as the member."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.utils import timezone

from discussions import reply_tokens
from discussions.inbound import receive
from discussions.models import CommentStatus, NotificationSettings
from discussions.reply_text import strip_quoted
from discussions.services import hide
from tests.discussions.replies import reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(forum, member, other_member, say):
    """other_member answered member's question: member got a reply e-mail."""
    question = say(member, forum, "Avez-vous formé les agents ?")
    answer = say(other_member, forum, "Oui, en novembre.", parent=question)
    return answer


def _comments_by(user):
    from django_comments_xtd.models import XtdComment

    return list(XtdComment.objects.filter(user=user).order_by("pk"))


def test_the_notification_carries_a_signed_reply_to(asked, member):
    message = mail.outbox[-1]
    assert message.to == [member.email]
    (address,) = message.reply_to
    assert address.startswith("reply+") and address.endswith("@reply.district.test")
    assert len(address.split("@")[0]) <= 64  # an address's local part
    target = reply_tokens.read_token(address[len("reply+") :].split("@")[0])
    assert (target.user_id, target.comment_id) == (member.pk, asked.pk)
    assert "Répondez à cet e-mail" in message.body


def test_replies_are_off_without_a_reply_domain(
    settings, forum, member, other_member, say
):
    settings.DISCUSSIONS_REPLY_DOMAIN = ""
    question = say(member, forum, "Question")
    say(other_member, forum, "Réponse", parent=question)
    assert mail.outbox[-1].reply_to == []
    assert "reply+" not in mail.outbox[-1].body


def test_a_gmail_reply_in_french_becomes_the_members_comment(asked, member):
    mail.outbox.clear()
    outcome = receive(reply("gmail_fr", member, asked))
    assert outcome.status == "posted"
    comment = outcome.comment
    assert comment.user == member
    assert comment.comment == (
        "Merci pour la relance. À Boké, les agents ont été formés en novembre ; "
        "la rupture venait du dépôt régional."
    )
    assert comment.parent_id == asked.pk  # an answer to the comment e-mailed
    assert comment.details.district == member.membership.district
    assert comment.details.language == "fr"
    # The same service as the web form: the author of the answer is told.
    assert [m.to for m in mail.outbox] == [[asked.user.email]]


def test_an_outlook_reply_loses_its_original_message(asked, member):
    outcome = receive(reply("outlook_en", member, asked))
    assert outcome.comment.comment == (
        "We checked the cold chain log: the fridge in Kandi failed twice.\n\n"
        "Regards,\nMoussa"
    )


def test_an_html_only_outlook_reply_in_french(asked, member):
    outcome = receive(reply("outlook_fr_html_only", member, asked))
    assert outcome.comment.comment == (
        "Nous avons relancé les équipes : réponse attendue lundi."
    )


def test_a_phone_reply_loses_sent_from_and_quote(asked, member):
    outcome = receive(reply("iphone_fr", member, asked))
    assert outcome.comment.comment == "Oui, nous serons là jeudi à 9 h."


def test_attachments_and_signature_are_left_out(asked, member):
    outcome = receive(reply("with_attachment", member, asked))
    assert outcome.comment.comment == "Voici le tableau de suivi du trimestre."


def test_a_reply_to_a_synthesis_announcement_starts_a_thread(forum, member):
    outcome = receive(reply("iphone_fr", member, page_id=forum.pk))
    assert outcome.status == "posted"
    assert outcome.comment.parent_id == outcome.comment.pk  # a top-level comment


def test_a_forged_token_is_refused_and_a_member_told(asked, member):
    good = reply_tokens.make_token(member, comment_id=asked.pk)
    forged = good.replace(f"c{asked.pk}-", "c1-", 1)
    mail.outbox.clear()
    to = f"reply+{forged}@reply.district.test"
    outcome = receive(reply("gmail_fr", member, to=to))
    assert (outcome.status, outcome.reason) == ("bounced", "bad-token")
    assert _comments_by(member)[-1].comment == "Avez-vous formé les agents ?"
    (bounce,) = mail.outbox
    assert bounce.to == [member.email]
    assert "n’a pas pu être publiée" in bounce.subject
    assert "À Boké, les agents" in bounce.body  # the text comes back: nothing lost
    assert bounce.extra_headers["Auto-Submitted"] == "auto-replied"


def test_a_forged_token_from_a_stranger_gets_no_backscatter(asked, member):
    mail.outbox.clear()
    to = "reply+c1-u1.1abc.AAAAAAAAAAAAAAAAAAAAAA@reply.district.test"
    outcome = receive(reply("gmail_fr", member, to=to, sender="spam@example.org"))
    assert outcome.status == "ignored"
    assert mail.outbox == []


def test_an_expired_token_is_bounced_in_the_members_language(
    asked, member, monkeypatch
):
    NotificationSettings.objects.filter(user=member).update(language="en")
    sixty_one_days_ago = int((timezone.now() - timedelta(days=61)).timestamp())
    with monkeypatch.context() as patch:
        patch.setattr(
            signing.TimestampSigner,
            "timestamp",
            lambda self: signing.b62_encode(sixty_one_days_ago),
        )
        old = reply("gmail_fr", member, asked)
    mail.outbox.clear()
    outcome = receive(old)
    assert (outcome.status, outcome.reason) == ("bounced", "expired")
    (bounce,) = mail.outbox
    assert bounce.subject == "District.Team: your reply could not be posted"
    assert "reply addresses work for 60 days" in bounce.body


def test_a_closed_discussion_bounces(asked, member, forum):
    forum.is_open = False
    forum.save_revision().publish()
    mail.outbox.clear()
    outcome = receive(reply("gmail_fr", member, asked))
    assert outcome.reason == "closed"
    assert "Cette discussion est close" in mail.outbox[0].body
    assert forum.url in mail.outbox[0].body or "/forum" in mail.outbox[0].body


def test_a_member_who_may_no_longer_post_is_bounced(asked, member):
    member.groups.clear()
    outcome = receive(reply("gmail_fr", member, asked))
    assert outcome.reason == "not-allowed"


def test_an_answer_to_a_hidden_comment_is_bounced(asked, member, facilitator):
    hide(facilitator, asked, "Hors sujet")
    asked.details.refresh_from_db()
    assert asked.details.status == CommentStatus.HIDDEN
    outcome = receive(reply("gmail_fr", member, asked))
    assert outcome.reason == "gone"


def test_a_reply_that_only_quotes_is_bounced_as_empty(asked, member):
    mail.outbox.clear()
    outcome = receive(reply("only_quote", member, asked))
    assert outcome.reason == "empty"
    assert "aucun texte" in mail.outbox[0].body


def test_another_sender_cannot_post_with_a_members_token(asked, member, other_member):
    outcome = receive(reply("gmail_fr", member, asked, sender=other_member.email))
    assert (outcome.status, outcome.reason) == ("bounced", "wrong-sender")
    assert outcome.bounced_to == member.email


def test_the_comment_rate_limit_applies_and_keeps_the_text(settings, asked, member):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comments": "1/m"}
    cache.clear()
    first = receive(reply("outlook_en", member, asked))
    assert first.status == "posted"
    mail.outbox.clear()
    second = receive(reply("iphone_fr", member, asked))
    assert second.reason == "rate-limited"
    assert "Oui, nous serons là jeudi" in mail.outbox[0].body


def test_the_same_message_delivered_twice_is_posted_once(asked, member):
    message = reply("gmail_fr", member, asked)
    assert receive(message).status == "posted"
    assert receive(message).status == "duplicate"
    assert len(_comments_by(member)) == 2


def test_auto_replies_are_never_answered(asked, member):
    message = reply("gmail_fr", member, asked)
    message["Auto-Submitted"] = "auto-replied"
    mail.outbox.clear()
    assert receive(message).status == "ignored"
    assert mail.outbox == []


def test_a_district_attributed_thread_names_the_e_mailed_reply_by_district(
    forum, named_member, other_member, say
):
    forum.__class__.discussion_attribution = "district"
    try:
        question = say(other_member, forum, "Question")
        mail.outbox.clear()
        outcome = receive(reply("iphone_fr", named_member, question))
    finally:
        del forum.__class__.discussion_attribution
    assert outcome.status == "posted"
    (told,) = mail.outbox
    assert "Bio-Gado" not in told.body
    assert "un membre de Banikoara" in told.body


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Bien.\n\nLe mar. 1 déc. 2026 à 08:00, X <x@y.z> a écrit :\n> old", "Bien."),
        ("Fine.\n\nOn Tue, Dec 1, 2026 at 8:00 AM X <x@y.z> wrote:\n> old", "Fine."),
        ("Oui.\n\n-----Original Message-----\nFrom: X\nSent: today\n\nold", "Oui."),
        ("Oui.\n\nDe : X\nEnvoyé : mardi\nÀ : Y\nObjet : Z\n\nold", "Oui."),
        ("Yes.\n-- \nJohn", "Yes."),
        ("Yes.\n\nSent from my phone", "Yes."),
        ("Top.\n> quoted line\nEnd.", "Top.\nEnd."),
        ("Ligne 1\n\n\n\nLigne 2", "Ligne 1\n\nLigne 2"),
        ("Sans\x00 NUL", "Sans NUL"),  # PostgreSQL cannot store one
    ],
)
def test_strip_quoted(text, kept):
    assert strip_quoted(text) == kept


def test_a_digest_gives_each_comment_its_own_reply_address(
    forum, member, other_member, teammate, say
):
    from django.core.management import call_command

    from discussions.services import set_frequency

    say(member, forum, "Mon sujet")
    set_frequency(member, "daily")
    first = say(other_member, forum, "Premier")
    second = say(teammate, forum, "Second")
    mail.outbox.clear()
    call_command("send_digests")
    (digest,) = mail.outbox
    assert digest.reply_to == []  # "Reply" could not say which comment it answers
    assert digest.body.count("Pour répondre par e-mail, écrivez à") == 2
    for comment in (first, second):
        address = reply_tokens.reply_address(member, comment_id=comment.pk)
        assert address in digest.body
    token = reply_tokens.tokens_in([digest.body])[1]
    assert reply_tokens.read_token(token).comment_id == second.pk


def test_the_synthesis_announcement_answers_in_its_thread(client, make_cycle, member):
    cycle = make_cycle(step=5)
    client.force_login(member)
    client.post(f"/fr/discussions/page/{cycle.pk}/post/", {"text": "Nous suivons."})
    mail.outbox.clear()
    cycle.synthesis = "<p>Leçon clé : anticiper les commandes.</p>"
    cycle.save_revision().publish()
    (announcement,) = mail.outbox
    (address,) = announcement.reply_to
    assert "Répondez à cet e-mail pour commenter" in announcement.body
    message = reply("iphone_fr", member, to=address)
    outcome = receive(message)
    assert outcome.status == "posted"
    assert outcome.comment.object_pk == str(cycle.pk)
    assert outcome.comment.level == 0
