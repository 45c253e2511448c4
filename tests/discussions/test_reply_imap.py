"""`manage.py receive_reply_mail` against a small local IMAP server."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django_comments_xtd.models import XtdComment

from discussions.reply_tokens import reply_address
from tests.discussions.imap_server import ImapServer, Mailbox
from tests.discussions.replies import raw_reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(forum, member, other_member, say):
    question = say(member, forum, "Avez-vous formé les agents ?")
    return say(other_member, forum, "Oui, en novembre.", parent=question)


@pytest.fixture
def mailbox(asked, member):
    box = Mailbox(user="replies@district.test", password="imap secret")
    to = reply_address(member, comment_id=asked.pk)
    box.add(raw_reply("gmail_fr", to, member.email))
    box.add(raw_reply("outlook_en", to, member.email), seen=True)  # read already
    box.add(raw_reply("iphone_fr", to, member.email))
    newsletter = b"From: news@example.org\r\nTo: replies@district.test\r\n"
    box.add(newsletter + b"Subject: News\r\nMessage-ID: <n1@x>\r\n\r\nHello\r\n")
    return box


@pytest.fixture
def imap(settings, mailbox):
    with ImapServer(mailbox) as server:
        settings.REPLY_IMAP = {
            "HOST": "127.0.0.1",
            "PORT": server.port,
            "USER": mailbox.user,
            "PASSWORD": mailbox.password,
            "SSL": False,
            "FOLDER": "INBOX",
        }
        yield server


def _run(*args) -> str:
    out = StringIO()
    call_command("receive_reply_mail", *args, stdout=out)
    return out.getvalue()


def _replies(member):
    return list(
        XtdComment.objects.filter(user=member, level__gt=0)
        .order_by("pk")
        .values_list("comment", flat=True)
    )


def test_unread_replies_are_posted_then_marked_seen(imap, mailbox, member):
    output = _run()
    assert "2 posted" in output and "1 ignored" in output
    assert _replies(member) == [
        "Merci pour la relance. À Boké, les agents ont été formés en novembre ; "
        "la rupture venait du dépôt régional.",
        "Oui, nous serons là jeudi à 9 h.",
    ]
    assert [m["seen"] for m in mailbox.messages] == [True, True, True, True]
    fetches = [c for c in mailbox.commands if c.startswith("FETCH")]
    assert fetches and all("BODY.PEEK[]" in c for c in fetches)
    assert "SEARCH UNSEEN" in mailbox.commands
    assert _run() == "No unread message.\n"


def test_dry_run_posts_bounces_and_marks_nothing(imap, mailbox, member):
    mail.outbox.clear()
    output = _run("--dry-run")
    assert "2 would-post" in output
    assert _replies(member) == []
    assert mail.outbox == []
    assert [m["seen"] for m in mailbox.messages] == [False, True, False, False]


def test_a_connection_lost_before_seen_leaves_the_mail_unread_and_posts_once(
    imap, mailbox, member
):
    mailbox.drop_after_fetch = True
    with pytest.raises(CommandError):
        _run()
    assert mailbox.messages[0]["seen"] is False  # BODY.PEEK[]: still unread
    mailbox.drop_after_fetch = False
    output = _run()
    assert "1 duplicate" in output and "1 posted" in output
    assert len(_replies(member)) == 2  # the first reply was not posted twice


def test_a_wrong_password_is_a_clear_error(settings, imap):
    settings.REPLY_IMAP = {**settings.REPLY_IMAP, "PASSWORD": "wrong"}
    with pytest.raises(CommandError, match="IMAP"):
        _run()


def test_without_a_mailbox_the_command_says_so(settings):
    settings.REPLY_IMAP = {**settings.REPLY_IMAP, "HOST": ""}
    with pytest.raises(CommandError, match="REPLY_IMAP_HOST"):
        _run()
