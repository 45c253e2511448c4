"""One SMS per key, logged with the gateway's answer, retried on a gateway error;
STOP from the gateway opts out; the log in the admin for facilitators only."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from sms import services
from sms.models import SmsMessage, SmsStatus, SmsSubscription

pytestmark = pytest.mark.django_db
PHONE = "+2290197123456"


@pytest.fixture
def subscriber(member):
    SmsSubscription.objects.create(user=member, phone=PHONE, opted_in=True)
    return member


def test_sent_once_and_logged_with_the_gateways_answer(subscriber, rapidpro):
    message = services.send_sms(subscriber, "survey_opens", "k-1", "Bonjour", "fr")
    again = services.send_sms(subscriber, "survey_opens", "k-1", "Bonjour", "fr")

    assert again is None
    assert len(rapidpro.requests) == 1
    message.refresh_from_db()
    assert (message.status, message.gateway_id, message.gateway_status) == (
        SmsStatus.SENT,
        "1001",
        "queued",
    )
    assert '"status": "queued"' in message.response and message.attempts == 1


def test_nothing_for_a_member_who_did_not_opt_in(member, rapidpro):
    SmsSubscription.objects.create(user=member, phone=PHONE, opted_in=False)
    assert services.send_sms(member, "survey_opens", "k-2", "x") is None
    assert rapidpro.requests == [] and not SmsMessage.objects.exists()


def test_429_waits_its_retry_after_then_the_next_run_sends(subscriber, rapidpro):
    rapidpro.script = [
        (429, {"Retry-After": "120"}, {"detail": "Request was throttled."})
    ]
    message = services.send_sms(subscriber, "survey_opens", "k-3", "x")
    assert message.status == SmsStatus.RETRY
    assert message.error == "RapidPro demande de ralentir (trop de requêtes)."
    wait = message.next_attempt_at - timezone.now()
    assert dt.timedelta(seconds=110) < wait <= dt.timedelta(seconds=120)

    assert services.retry_due() == []  # not yet
    later = timezone.now() + dt.timedelta(seconds=121)
    [retried] = services.retry_due(now=later)
    assert (retried.status, retried.attempts) == (SmsStatus.SENT, 2)
    assert len(rapidpro.requests) == 2
    assert services.retry_due(now=later + dt.timedelta(days=1)) == []


def test_gives_up_after_the_last_attempt_and_says_why(subscriber, rapidpro, settings):
    settings.SMS_MAX_ATTEMPTS = 2
    rapidpro.script = [(503, {}, b"down"), (503, {}, b"down")]
    message = services.send_sms(subscriber, "survey_opens", "k-4", "x")
    [message] = services.retry_due(now=timezone.now() + dt.timedelta(days=1))
    assert (message.status, message.attempts) == (SmsStatus.FAILED, 2)
    assert "HTTP 503" in message.error and message.response == "down"


def test_a_retry_is_cancelled_for_a_member_who_stopped_since(subscriber, rapidpro):
    rapidpro.script = [(500, {}, b"oops")]
    services.send_sms(subscriber, "survey_opens", "k-5", "x")
    services.handle_inbound(PHONE, "STOP")
    assert services.retry_due(now=timezone.now() + dt.timedelta(days=1)) == []
    assert SmsMessage.objects.get(key="k-5").status == SmsStatus.CANCELLED
    assert len(rapidpro.requests) == 1


def test_rapidpro_webhook_stop_opts_out(client, subscriber, settings):
    settings.SMS_WEBHOOK_SECRET = "s3cret"
    url = reverse("sms:inbound", args=["rapidpro"])
    body = {
        "contact": {"uuid": "c1", "urn": f"tel:{PHONE}"},
        "input": {"text": "Stop", "urn": f"tel:{PHONE}"},
    }

    refused = client.post(
        url,
        json.dumps(body),
        content_type="application/json",
        headers={"X-Sms-Secret": "wrong"},
    )
    assert refused.status_code == 403
    assert SmsSubscription.objects.get(user=subscriber).opted_in

    answer = client.post(
        url,
        json.dumps(body),
        content_type="application/json",
        headers={"X-Sms-Secret": "s3cret"},
    )
    assert answer.json() == {"stopped": 1}
    subscription = SmsSubscription.objects.get(user=subscriber)
    assert not subscription.opted_in and subscription.stopped_by_sms


def test_africastalking_callback_stop_with_the_secret_in_the_address(
    client, subscriber, settings
):
    settings.SMS_WEBHOOK_SECRET = "s3cret"
    url = reverse("sms:inbound", args=["africastalking"]) + "?secret=s3cret"
    hello = client.post(url, {"from": PHONE, "text": "merci", "to": "12345", "id": "1"})
    assert hello.json() == {"stopped": 0}
    answer = client.post(
        url, {"from": PHONE, "text": "ARRÊT", "to": "12345", "id": "2"}
    )
    assert answer.json() == {"stopped": 1}
    assert client.post(url, {"text": "STOP"}).status_code == 400


def test_webhooks_are_off_without_a_secret(client, settings):
    settings.SMS_WEBHOOK_SECRET = ""
    url = reverse("sms:inbound", args=["africastalking"]) + "?secret="
    assert client.post(url, {"from": PHONE, "text": "STOP"}).status_code == 403


def test_short_link_redirects_and_keeps_its_code(client, settings):
    link = services.short_link("/fr/cycles/ruptures/#survey")
    assert link == services.short_link("/fr/cycles/ruptures/#survey")
    assert (
        link.startswith(settings.BASE_URL + "/s/")
        and len(link) == len(settings.BASE_URL) + 10
    )
    response = client.get(link.removeprefix(settings.BASE_URL))
    assert (
        response.status_code == 302
        and response["Location"] == "/fr/cycles/ruptures/#survey"
    )
    assert client.get("/s/nosuch1", follow=True).status_code == 404


def test_the_log_shows_failures_to_facilitators_only(
    client, subscriber, facilitator, rapidpro
):
    rapidpro.script = [(400, {}, {"urns": ["Invalid URN"]})]
    services.send_sms(subscriber, "survey_opens", "k-6", "x")
    url = reverse("sms_log:index")

    client.force_login(subscriber)
    assert client.get(url).status_code in (302, 403)
    client.force_login(facilitator)
    page = client.get(url + "?status=failed").content.decode()
    assert "⚠ Échec" in page and "urns: Invalid URN" in page


def test_retry_command_sends_what_is_due(subscriber, rapidpro):
    from io import StringIO

    from django.core.management import call_command

    rapidpro.script = [(500, {}, b"oops")]
    message = services.send_sms(subscriber, "survey_opens", "k-7", "x")
    SmsMessage.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at)
    out = StringIO()
    call_command("retry_sms", stdout=out)
    assert out.getvalue().strip() == "1 SMS retried, 1 sent."
    assert SmsMessage.objects.get(pk=message.pk).status == SmsStatus.SENT


def test_a_retry_round_stops_when_the_gateway_still_refuses(
    subscriber, teammate, rapidpro
):
    SmsSubscription.objects.create(user=teammate, phone="+2290197654321", opted_in=True)
    rapidpro.script = [(503, {}, b"down"), (503, {}, b"down"), (503, {}, b"down")]
    services.send_sms(subscriber, "survey_opens", "k-8", "x")
    services.send_sms(teammate, "survey_opens", "k-9", "x")

    done = services.retry_due(now=timezone.now() + dt.timedelta(days=1))
    assert [m.key for m in done] == ["k-8"] and len(rapidpro.requests) == 3
    assert SmsMessage.objects.get(key="k-9").attempts == 1  # untouched, still due


def test_stop_from_a_whatsapp_contact(client, subscriber, settings):
    settings.SMS_WEBHOOK_SECRET = "s3cret"
    body = {"contact": {"urn": "whatsapp:2290197123456"}, "input": {"text": "stop"}}
    answer = client.post(
        reverse("sms:inbound", args=["rapidpro"]),
        json.dumps(body),
        content_type="application/json",
        headers={"X-Sms-Secret": "s3cret"},
    )
    assert answer.json() == {"stopped": 1}
