"""Writes: sending one SMS (claimed, logged, retried), opting in and out, short links.

:func:`send_sms` is the one door for every kind of SMS (a reminder today, a
follow-up tomorrow): a user, a kind, a dedupe key and a short text. The log row is
created with the unique key *before* the message leaves, in its own transaction:
two runs cannot both send it, and a run cut off after sending never sends again.
A gateway error worth retrying (5xx, timeout, 429) leaves the row "retry" with its
next attempt (a 429's Retry-After honoured); :func:`retry_due` sends those."""

import datetime as dt
import hmac
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.links import absolute_url
from sms import selectors
from sms.backends import SmsError, get_backend
from sms.models import (
    ShortLink,
    SmsMessage,
    SmsStatus,
    SmsSubscription,
    new_short_code,
)
from sms.phones import same_number

logger = logging.getLogger(__name__)
STOP_WORDS = {
    "stop",
    "arret",
    "arrêt",
    "stopall",
    "unsubscribe",
    "desabonner",
    "désabonner",
}


# --- Sending -------------------------------------------------------------------
def send_sms(
    user, kind: str, key: str, text: str, language: str = ""
) -> SmsMessage | None:
    """Send `text` to `user` once for `key`: None when they want no SMS or the key
    was already claimed; else the logged message (sent, retry or failed)."""
    subscription = selectors.subscribed(user)
    if subscription is None:
        return None
    try:
        with transaction.atomic():
            message = SmsMessage.objects.create(
                key=key,
                user=user,
                phone=subscription.phone,
                kind=kind,
                language=language,
                text=text,
                backend=settings.SMS_BACKEND,
            )
    except IntegrityError:  # claimed before, by this run or another
        return None
    return _attempt(message)


def retry_due(now: dt.datetime | None = None) -> list[SmsMessage]:
    """Try again every message whose retry is due; each claimed first (retry →
    pending), so two runs never send one twice. A member who stopped SMS since
    gets nothing: the message is cancelled. A retry that fails again ends the
    round (the gateway is still throttling or down)."""
    now = now or timezone.now()
    done = []
    due = SmsMessage.objects.filter(
        status=SmsStatus.RETRY, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    for pk in due.values_list("pk", flat=True):
        claimed = SmsMessage.objects.filter(pk=pk, status=SmsStatus.RETRY).update(
            status=SmsStatus.PENDING
        )
        if not claimed:
            continue
        message = SmsMessage.objects.select_related("user").get(pk=pk)
        subscription = message.user and selectors.subscribed(message.user)
        if not subscription:
            message.status = SmsStatus.CANCELLED
            message.next_attempt_at = None
            message.save(update_fields=["status", "next_attempt_at"])
            continue
        done.append(_attempt(message, now))
        if done[-1].status == SmsStatus.RETRY:
            break  # the gateway is throttling or down: the rest wait their turn
    return done


def _attempt(message: SmsMessage, now: dt.datetime | None = None) -> SmsMessage:
    now = now or timezone.now()
    message.attempts += 1
    message.next_attempt_at = None
    try:
        result = get_backend(message.backend).send(message.phone, message.text)
    except SmsError as error:
        message.error, message.response = error.message, error.response
        if error.retry and message.attempts < settings.SMS_MAX_ATTEMPTS:
            message.status = SmsStatus.RETRY
            wait = error.retry_after
            if wait is None:
                wait = settings.SMS_RETRY_SECONDS * 2 ** (message.attempts - 1)
            message.next_attempt_at = now + dt.timedelta(seconds=wait)
        else:
            message.status = SmsStatus.FAILED
        logger.warning("SMS %s to %s: %s", message.key, message.phone, error.message)
    except Exception as error:  # a bug or an unknown answer: never resent blindly
        logger.exception("SMS %s to %s failed", message.key, message.phone)
        message.status, message.error = SmsStatus.FAILED, repr(error)[:1000]
    else:
        message.status, message.sent_at, message.error = SmsStatus.SENT, now, ""
        message.gateway_id = result.message_id[:100]
        message.gateway_status = result.status[:100]
        message.response = result.response
    message.save()
    return message


# --- A member's choice ---------------------------------------------------------
def save_subscription(user, phone: str, wants_sms: bool) -> SmsSubscription:
    """The number typed on the settings page (E.164 already) and the SMS switch."""
    subscription, _created = SmsSubscription.objects.update_or_create(
        user=user,
        defaults={
            "phone": phone,
            "opted_in": bool(wants_sms and phone),
            "changed_at": timezone.now(),
            **({"stopped_by_sms": False} if wants_sms else {}),
        },
    )
    return subscription


def is_stop(text: str) -> bool:
    words = (text or "").strip().casefold().split()
    return bool(words) and words[0].strip(".!") in STOP_WORDS


def handle_inbound(phone: str, text: str) -> int:
    """An incoming SMS: "STOP" (ARRET…) opts out every member on that number.
    Returns how many were opted out."""
    number = same_number(phone)
    if not number or not is_stop(text):
        return 0
    return SmsSubscription.objects.filter(phone=number, opted_in=True).update(
        opted_in=False, stopped_by_sms=True, changed_at=timezone.now()
    )


def secret_matches(given: str) -> bool:
    expected = settings.SMS_WEBHOOK_SECRET
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


# --- Short links ---------------------------------------------------------------
def short_link(url: str, create: bool = True) -> str:
    """A short absolute address on BASE_URL (``/s/<code>``) that redirects to `url`
    (a path or an address on BASE_URL); the same `url` keeps its code. Without
    ``create`` (a dry run) nothing is stored: a new link is shown as it would be
    long, with a placeholder code."""
    link = ShortLink.objects.filter(url=url).first()
    if link is None and not create:
        return absolute_url("/s/" + "x" * len(new_short_code()))
    while link is None:
        try:
            with transaction.atomic():
                link = ShortLink.objects.create(url=url)
        except IntegrityError:  # the same url at once, or a code taken
            link = ShortLink.objects.filter(url=url).first()
    return absolute_url(f"/s/{link.code}")
