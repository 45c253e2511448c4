"""Writes and labels for ``ChannelFailure``: each channel records what it could not
deliver here, so a facilitator sees it in the admin ("Delivery problems" and the
dashboard panel) rather than only in a log. Recording never raises: a failure to
record a failure must not block a page or an ESP's webhook."""

import logging

from django.db import DatabaseError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discussions.models import Channel, ChannelFailure

logger = logging.getLogger(__name__)

IMAP_ERROR = "imap-error"
WEBHOOK_REFUSED = "webhook-refused"
SMTP_REFUSED = "smtp-refused"
TRANSLATOR_DOWN = "translator-down"

REASONS = {
    "bad-token": _("Bad or forged reply address"),
    "expired": _("Reply address expired"),
    "wrong-sender": _("Sent from another address than the member's"),
    "gone": _("Comment or page no longer available"),
    "closed": _("Discussion closed"),
    "not-allowed": _("Member may no longer post here"),
    "empty": _("Empty once quotes and signature were cut"),
    "rate-limited": _("Too many comments in a short time"),
    "invalid": _("Refused by the comment form"),
    IMAP_ERROR: _("Mailbox (IMAP) unreachable or refused the login"),
    WEBHOOK_REFUSED: _("Webhook refused: wrong secret or signature"),
    SMTP_REFUSED: _("The mail server refused or did not answer"),
    TRANSLATOR_DOWN: _("The translator did not answer"),
}
# What a facilitator may post for the member once the cause is gone.
POSTABLE = {"rate-limited", "empty", "closed", "invalid", "not-allowed", "expired"}


def reason_label(reason: str) -> str:
    return str(REASONS.get(reason, reason))


def redacted(address: str) -> str:
    """``a…@example.org``: enough to recognise a stranger, not to harvest them."""
    local, _at, domain = (address or "").partition("@")
    if not domain:
        return local[:1] + "…" if local else ""
    return f"{local[:1]}…@{domain}"


def record(channel: Channel, reason: str, **fields) -> ChannelFailure | None:
    fields["detail"] = str(fields.get("detail") or "")[:2000]
    fields["subject"] = str(fields.get("subject") or "")[:255]
    fields["sender"] = str(fields.get("sender") or "")[:254]
    try:
        return ChannelFailure.objects.create(channel=channel, reason=reason, **fields)
    except DatabaseError:
        logger.exception("Could not record a %s failure (%s)", channel, reason)
        return None


def record_outbound(user, error: BaseException, subject: str = "") -> None:
    """An e-mail to ``user`` that the mail server refused."""
    record(
        Channel.OUTBOUND,
        SMTP_REFUSED,
        user=user,
        sender=getattr(user, "email", "") or "",
        subject=subject,
        detail=f"{type(error).__name__}: {error}",
    )


def mark_handled(failure: ChannelFailure, comment=None) -> None:
    failure.resolved_at = timezone.now()
    failure.posted_comment = comment
    failure.save(update_fields=["resolved_at", "posted_comment"])


def recent_counts(since) -> dict[str, int]:
    """Unhandled failures per channel since ``since`` (the dashboard panel)."""
    rows = ChannelFailure.objects.filter(created_at__gte=since, resolved_at=None)
    return {channel: rows.filter(channel=channel).count() for channel in Channel}
