"""Replies by e-mail: an inbound message becomes a comment, or a polite bounce.

Both ways in — django-anymail's inbound webhooks (its ``inbound`` signal, connected
in ``apps.py``) and the ``receive_reply_mail`` IMAP command — call :func:`receive`
with an ``email.message.EmailMessage`` (anymail's ``AnymailInboundMessage`` is one).
The comment is posted by ``services.post_comment``, the web form's service, so the
same permissions, rate limit, attribution and notifications apply. A message is
bounced (to the member, in their language, with their text so nothing is lost)
when its token has expired, the thread is closed or gone, the member may no longer
post, the reply is empty once quotes are cut, or it was sent from another address.
A bad or forged token is bounced only to a sender who is one of our members (never
backscatter to strangers); auto-replies are never answered (no mail loops).
"""

import hashlib
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django_comments_xtd.models import XtdComment
from wagtail.models import Page

from discussions import failures, reply_bounces, reply_tokens
from discussions.models import Channel, NotificationSettings
from discussions.pages import protocol
from discussions.permissions import can_post
from discussions.reply_bounces import Reason
from discussions.reply_text import body_text, reply_text
from discussions.selectors import readable_comment
from discussions.services import Draft, RateLimited, post_comment
from portal.privacy import restrictions_of, user_may_read
from portal.translations import in_language_or_source

logger = logging.getLogger(__name__)
RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")
SEEN_SECONDS = 60 * 60 * 24 * 7  # a redelivered message (ESP retry, IMAP re-read)


@dataclass
class Outcome:
    status: str  # "posted", "would-post", "bounced", "ignored", "duplicate"
    reason: str = ""
    comment: XtdComment | None = None
    bounced_to: str = ""


def on_anymail_inbound(sender, event, esp_name, **kwargs) -> None:
    """django-anymail's ``inbound`` signal, after the ESP's signature was checked."""
    message = event.message
    receive(message, [getattr(message, "envelope_recipient", None) or ""])


def _is_automatic(message: EmailMessage) -> bool:
    auto = (message.get("Auto-Submitted") or "no").strip().lower()
    precedence = (message.get("Precedence") or "").strip().lower()
    return auto != "no" or precedence in {"bulk", "junk", "auto_reply", "list"}


def _addresses(message: EmailMessage, recipients) -> list[str]:
    values = [value for value in recipients if value]
    for header in RECIPIENT_HEADERS:
        values += message.get_all(header, [])
    return [address for _name, address in getaddresses(values)] + values


def _seen_key(message: EmailMessage) -> str:
    ident = message.get("Message-ID") or ""
    return "reply-mail:" + hashlib.sha256(ident.encode()).hexdigest() if ident else ""


def receive(message: EmailMessage, recipients=(), *, dry_run: bool = False) -> Outcome:
    """Post the reply carried by ``message`` or bounce it (see the module)."""
    if _is_automatic(message):
        return Outcome("ignored", "automatic")
    seen = _seen_key(message)
    if seen and cache.get(seen):
        return Outcome("duplicate")
    sender = parseaddr(message.get("From") or "")[1]
    tokens = reply_tokens.tokens_in(_addresses(message, recipients))
    if not tokens:
        return Outcome("ignored", "no reply address")
    outcome = _receive(message, tokens[0], sender, dry_run)
    if seen and not dry_run:
        cache.set(seen, 1, SEEN_SECONDS)
    logger.info(
        "Reply by e-mail from %s: %s %s", sender, outcome.status, outcome.reason
    )
    return outcome


def _receive(message, token: str, sender: str, dry_run: bool) -> Outcome:
    users = get_user_model().objects.filter(is_active=True)
    try:
        target = reply_tokens.read_token(token)
    except reply_tokens.ExpiredToken as expired:
        user = users.filter(pk=expired.target.user_id).first()
        return _bounce(user, Reason.EXPIRED, message, dry_run)
    except reply_tokens.BadToken:
        member = users.filter(email__iexact=sender).first() if sender else None
        return _bounce(member, Reason.BAD_TOKEN, message, dry_run, sender=sender)
    user = users.filter(pk=target.user_id).first()
    if user is None:
        return _bounce(None, Reason.BAD_TOKEN, message, dry_run, sender=sender)
    if not sender or sender.casefold() != (user.email or "").casefold():
        return _bounce(
            user,
            Reason.WRONG_SENDER,
            message,
            dry_run,
            sender=failures.redacted(sender),
        )
    language = language_of(user)
    page, parent = _thread(target)
    if page is None:
        return _bounce(user, Reason.GONE, message, dry_run)
    page = in_language_or_source(page, language).specific
    bounce = partial(
        _bounce,
        user,
        message=message,
        dry_run=dry_run,
        page=page,
        parent_id=target.comment_id,
    )
    reason = _refusal(user, page, parent)
    if reason:
        return bounce(reason)
    text = reply_text(message)
    if not text:
        return bounce(Reason.EMPTY)
    if dry_run:
        return Outcome("would-post")
    try:
        comment = post_comment(user, page, Draft(text, target.comment_id), language)
    except RateLimited:
        return bounce(Reason.RATE_LIMITED, text=text)
    except PermissionDenied:
        return bounce(Reason.NOT_ALLOWED, text=text)
    except ValidationError as error:
        return bounce(Reason.INVALID, text=text, detail=" ".join(error.messages))
    return Outcome("posted", comment=comment)


def language_of(user) -> str:
    row = NotificationSettings.objects.filter(user=user).first()
    return (row.language if row else "") or settings.LANGUAGE_CODE[:2]


def _thread(target) -> tuple[Page | None, XtdComment | None]:
    parent = None
    page_id = target.page_id
    if target.comment_id is not None:
        parent = (
            XtdComment.objects.select_related("details")
            .filter(pk=target.comment_id)
            .first()
        )
        if parent is None:
            return None, None
        page_id = int(parent.object_pk)
    return Page.objects.live().filter(pk=page_id).first(), parent


def _refusal(user, page, parent) -> str:
    """Why the member may not post this reply now, or ""."""
    target = protocol(page)
    if not target.shows_discussion or not user_may_read(user, restrictions_of(page)):
        return Reason.NOT_ALLOWED
    if not target.discussion_is_open():
        return Reason.CLOSED
    if not can_post(user, target):
        return Reason.NOT_ALLOWED
    if parent is not None and not readable_comment(user, parent, target):
        return Reason.GONE
    return ""


def _bounce(  # noqa: PLR0913 (what the record keeps)
    user,
    reason,
    message,
    dry_run,
    page=None,
    text=None,
    detail="",
    sender="",
    parent_id=None,
):
    """Tell the member (when there is one) and record the refusal for the admin."""
    if dry_run:
        if user is None or not user.email:
            return Outcome("ignored", reason)
        return Outcome("bounced", reason, bounced_to=user.email)
    subject = message.get("Subject") or ""
    if user is None or not user.email:
        # A stranger (or a forged address): no backscatter, no copy of their text.
        failures.record(
            Channel.INBOUND, reason, sender=failures.redacted(sender), subject=""
        )
        return Outcome("ignored", reason)
    if text is None:
        text = reply_text(message)
    failure = failures.record(
        Channel.INBOUND,
        reason,
        user=user,
        sender=sender or user.email,
        page=page,
        parent_id=parent_id,
        subject=subject,
        text=text or body_text(message),
        detail=detail,
        bounced=True,
    )
    if not send_bounce(failure, user, reason, text, page, detail, subject):
        return Outcome("ignored", reason)
    return Outcome("bounced", reason, bounced_to=user.email)


def send_bounce(failure, user, reason, text, page, detail, subject) -> bool:
    """The polite answer; a mail server that refuses it is recorded, not raised
    (the ESP would post the reply again and again)."""
    try:
        reply_bounces.send(
            user,
            reason,
            language=language_of(user),
            text=text,
            page=page,
            detail=detail,
            subject=subject,
        )
    except Exception as error:  # any failure of the mail server
        logger.warning("Bounce to %s not sent: %s", user.email, error)
        failures.record_outbound(user, error, subject=subject)
        if failure is not None:
            failure.bounced = False
            failure.save(update_fields=["bounced"])
        return False
    return True
