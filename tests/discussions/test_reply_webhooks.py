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


# --- Postmark: inbound JSON (with RawEmail when "Include raw email content" is on) --


def _postmark_payload(raw: bytes, to: str, sender: str) -> dict:
    """Postmark's inbound webhook JSON, as its documentation shows it."""
    return {
        "FromName": "Aïcha Bio",
        "MessageStream": "inbound",
        "From": sender,
        "FromFull": {"Email": sender, "Name": "Aïcha Bio", "MailboxHash": ""},
        "To": to,
        "ToFull": [{"Email": to, "Name": "", "MailboxHash": to.split("+")[1]}],
        "Cc": "",
        "CcFull": [],
        "OriginalRecipient": to,
        "Subject": "Re: District.Team",
        "MessageID": "22c74902-a0c1-4511-804f-341342852c90",
        "ReplyTo": "",
        "MailboxHash": "",
        "Date": "Thu, 3 Dec 2026 09:12:00 +0000",
        "TextBody": "",
        "HtmlBody": "",
        "StrippedTextReply": "",
        "Tag": "",
        "Headers": [
            {"Name": "Return-Path", "Value": f"<{sender}>"},
            {"Name": "X-Spam-Status", "Value": "No"},
        ],
        "Attachments": [],
        "RawEmail": raw.decode("utf-8"),
    }


def test_postmark_inbound_json_posts_the_reply(client, asked, member):
    to = reply_address(member, comment_id=asked.pk)
    payload = _postmark_payload(
        raw_reply("gmail_fr", to, member.email), to, member.email
    )
    response = client.post(
        "/anymail/postmark/inbound/",
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=BASIC_AUTH,
    )
    assert response.status_code == 200
    posted = XtdComment.objects.filter(user=member).latest("pk")
    assert posted.comment.startswith("Merci pour la relance. À Boké")
    assert posted.parent_id == asked.pk


def test_postmark_parsed_fields_without_raw_email_post_the_reply(client, asked, member):
    """Without "Include raw email content", anymail rebuilds the message."""
    to = reply_address(member, comment_id=asked.pk)
    payload = _postmark_payload(b"", to, member.email)
    del payload["RawEmail"]
    payload["TextBody"] = (
        "Nous avons formé 12 agents à Kandi.\n\nLe 2 déc. a écrit :\n> Oui"
    )
    response = client.post(
        "/anymail/postmark/inbound/",
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=BASIC_AUTH,
    )
    assert response.status_code == 200
    posted = XtdComment.objects.filter(user=member).latest("pk")
    assert posted.comment == "Nous avons formé 12 agents à Kandi."


def test_postmark_without_the_secret_is_refused(client, asked, member):
    to = reply_address(member, comment_id=asked.pk)
    payload = _postmark_payload(
        raw_reply("gmail_fr", to, member.email), to, member.email
    )
    before = XtdComment.objects.count()
    for auth in (
        {},
        {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(b"esp-user:x").decode()},
    ):
        response = client.post(
            "/anymail/postmark/inbound/",
            data=json.dumps(payload),
            content_type="application/json",
            **auth,
        )
        assert response.status_code == 400
    assert XtdComment.objects.count() == before


# --- Amazon SES: a receipt rule's SNS action, delivered by SNS over HTTPS ---------


def _sns_notification(raw: bytes, to: str, sender: str) -> dict:
    ses_event = {
        "notificationType": "Received",
        "mail": {
            "timestamp": "2026-12-03T09:12:00.000Z",
            "source": sender,
            "messageId": "jpsdr7ej1qk1qp8g0n7qvd1a4mjc9vt1pu8tpr81",
            "destination": [to],
        },
        "receipt": {
            "timestamp": "2026-12-03T09:12:00.000Z",
            "recipients": [to],
            "spamVerdict": {"status": "PASS"},
            "virusVerdict": {"status": "PASS"},
            "action": {
                "type": "SNS",
                "topicArn": "arn:aws:sns:eu-west-1:123456789012:replies",
                "encoding": "BASE64",
            },
        },
        "content": base64.b64encode(raw).decode("ascii"),
    }
    return {
        "Type": "Notification",
        "MessageId": "8d3c6f2b-7e0a-5f4d-9b1e-2c3a4b5c6d7e",
        "TopicArn": "arn:aws:sns:eu-west-1:123456789012:replies",
        "Subject": "Amazon SES Email Receipt Notification",
        "Message": json.dumps(ses_event),
        "Timestamp": "2026-12-03T09:12:01.000Z",
        "SignatureVersion": "1",
        "Signature": "EXAMPLEpH+...",
        "SigningCertURL": "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000.pem",
        "UnsubscribeURL": "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe",
    }


def _post_sns(client, body: dict, **headers):
    return client.post(
        "/anymail/amazon_ses/inbound/",
        data=json.dumps(body),
        content_type="text/plain; charset=UTF-8",  # what SNS sends
        HTTP_X_AMZ_SNS_MESSAGE_TYPE=body["Type"],
        HTTP_X_AMZ_SNS_MESSAGE_ID=body["MessageId"],
        HTTP_X_AMZ_SNS_TOPIC_ARN=body["TopicArn"],
        **headers,
    )


def test_amazon_ses_via_sns_posts_the_reply(client, asked, member):
    to = reply_address(member, comment_id=asked.pk)
    body = _sns_notification(
        raw_reply("outlook_en", to, member.email), to, member.email
    )
    response = _post_sns(client, body, HTTP_AUTHORIZATION=BASIC_AUTH)
    assert response.status_code == 200
    posted = XtdComment.objects.filter(user=member).latest("pk")
    assert posted.comment.startswith("We checked the cold chain log")
    assert posted.parent_id == asked.pk


def test_amazon_ses_asks_sns_for_basic_auth_then_refuses_a_wrong_one(
    client, asked, member
):
    """SNS sends credentials only after a 401 with WWW-Authenticate; a wrong secret,
    or a header that does not match the body, posts nothing."""
    to = reply_address(member, comment_id=asked.pk)
    body = _sns_notification(
        raw_reply("outlook_en", to, member.email), to, member.email
    )
    before = XtdComment.objects.count()
    first = _post_sns(client, body)
    assert first.status_code == 401
    assert first["WWW-Authenticate"].startswith("Basic")
    wrong = "Basic " + base64.b64encode(b"esp-user:guess").decode()
    assert _post_sns(client, body, HTTP_AUTHORIZATION=wrong).status_code == 400
    mismatched = client.post(
        "/anymail/amazon_ses/inbound/",
        data=json.dumps(body),
        content_type="text/plain",
        HTTP_X_AMZ_SNS_MESSAGE_TYPE="Notification",
        HTTP_X_AMZ_SNS_MESSAGE_ID="another-id",
        HTTP_AUTHORIZATION=BASIC_AUTH,
    )
    assert mismatched.status_code == 400
    assert XtdComment.objects.count() == before


def test_an_sns_subscription_confirmation_without_auth_is_not_confirmed(client):
    body = {
        "Type": "SubscriptionConfirmation",
        "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
        "Token": "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92",
        "TopicArn": "arn:aws:sns:eu-west-1:123456789012:replies",
        "Message": "You have chosen to subscribe to the topic ...",
        "SubscribeURL": "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
        "Timestamp": "2026-12-03T09:00:00.000Z",
    }
    assert _post_sns(client, body).status_code == 401
