"""Replies by e-mail through django-anymail's inbound webhooks, posted as the ESPs post."""

import base64
import hashlib
import hmac
import json
import time

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from discussions.reply_tokens import reply_address
from tests.discussions.replies import raw_reply

pytestmark = pytest.mark.django_db

BASIC_AUTH = "Basic " + base64.b64encode(b"esp-user:esp-password").decode()
MAILGUN_KEY = b"key-test-mailgun-signing"


@pytest.fixture
def asked(forum, member, other_member, say):
    question = say(member, forum, "Avez-vous formé les agents ?")
    return say(other_member, forum, "Oui, en novembre.", parent=question)


def _mailgun_fields(raw: bytes, recipient: str, key: bytes = MAILGUN_KEY) -> dict:
    timestamp, token = (
        str(int(time.time())),
        "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f",
    )
    signature = hmac.new(key, f"{timestamp}{token}".encode(), hashlib.sha256)
    return {
        "recipient": recipient,
        "sender": "member@district.test",
        "body-mime": raw.decode("utf-8"),
        "timestamp": timestamp,
        "token": token,
        "signature": signature.hexdigest(),
    }


def test_mailgun_raw_mime_inbound_posts_the_reply(client, asked, member):
    to = reply_address(member, comment_id=asked.pk)
    fields = _mailgun_fields(raw_reply("gmail_fr", to, member.email), to)
    response = client.post(
        "/anymail/mailgun/inbound_mime/", fields, HTTP_AUTHORIZATION=BASIC_AUTH
    )
    assert response.status_code == 200
    posted = XtdComment.objects.filter(user=member).latest("pk")
    assert posted.comment.startswith("Merci pour la relance. À Boké")
    assert posted.parent_id == asked.pk


def test_mailgun_with_a_wrong_signature_posts_nothing(client, asked, member):
    to = reply_address(member, comment_id=asked.pk)
    raw = raw_reply("gmail_fr", to, member.email)
    fields = _mailgun_fields(raw, to, key=b"not-the-key")
    before = XtdComment.objects.count()
    response = client.post(
        "/anymail/mailgun/inbound_mime/", fields, HTTP_AUTHORIZATION=BASIC_AUTH
    )
    assert response.status_code == 400
    assert XtdComment.objects.count() == before


def test_sendgrid_raw_inbound_parse_posts_the_reply(client, asked, member):
    to = reply_address(member, comment_id=asked.pk)
    raw = raw_reply("outlook_en", to, member.email)
    response = client.post(
        "/anymail/sendgrid/inbound/",
        {
            "email": raw.decode("iso-8859-1"),
            "envelope": json.dumps({"to": [to], "from": member.email}),
            "charsets": json.dumps(
                {"to": "UTF-8", "from": "UTF-8", "subject": "UTF-8"}
            ),
            "spam_score": "0.1",
        },
        HTTP_AUTHORIZATION=BASIC_AUTH,
    )
    assert response.status_code == 200
    posted = XtdComment.objects.filter(user=member).latest("pk")
    assert posted.comment.startswith("We checked the cold chain log")


def test_sendgrid_without_the_webhook_secret_is_refused(client, asked, member):
    to = reply_address(member, comment_id=asked.pk)
    raw = raw_reply("outlook_en", to, member.email)
    before = XtdComment.objects.count()
    wrong = "Basic " + base64.b64encode(b"esp-user:guess").decode()
    response = client.post(
        "/anymail/sendgrid/inbound/",
        {"email": raw.decode("iso-8859-1"), "envelope": json.dumps({"to": [to]})},
        HTTP_AUTHORIZATION=wrong,
    )
    assert response.status_code == 400
    assert XtdComment.objects.count() == before


def test_a_webhook_reply_on_an_expired_or_bad_token_bounces_and_answers_200(
    client, asked, member
):
    """The ESP is told all is well (no retries); the member gets the bounce."""
    to = "reply+c1-u1.1abc.AAAAAAAAAAAAAAAAAAAAAA@reply.district.test"
    fields = _mailgun_fields(raw_reply("gmail_fr", to, member.email), to)
    mail.outbox.clear()
    response = client.post(
        "/anymail/mailgun/inbound_mime/", fields, HTTP_AUTHORIZATION=BASIC_AUTH
    )
    assert response.status_code == 200
    assert [m.to for m in mail.outbox] == [[member.email]]
