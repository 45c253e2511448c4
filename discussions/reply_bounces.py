"""The polite answer to a reply by e-mail that could not be posted."""

from enum import StrEnum

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from districts.timezones import zone_for_user
from portal import mail
from portal.links import page_url


class Reason(StrEnum):
    BAD_TOKEN = "bad-token"  # noqa: S105 (a reason, not a password)
    EXPIRED = "expired"
    WRONG_SENDER = "wrong-sender"
    GONE = "gone"
    CLOSED = "closed"
    NOT_ALLOWED = "not-allowed"
    EMPTY = "empty"
    RATE_LIMITED = "rate-limited"
    INVALID = "invalid"


EXPLANATIONS = {
    Reason.BAD_TOKEN: gettext_lazy(
        "The address you replied to is not a valid reply address of "
        "District.Team, so your reply could not be posted."
    ),
    Reason.EXPIRED: gettext_lazy(
        "The e-mail you answered is too old: reply addresses work for %(days)s days."
    ),
    Reason.WRONG_SENDER: gettext_lazy(
        "Your reply was sent from another address than your account's "
        "(%(email)s). Replies by e-mail are accepted from that address only."
    ),
    Reason.GONE: gettext_lazy(
        "The comment or page you answered is no longer available."
    ),
    Reason.CLOSED: gettext_lazy(
        "This discussion is closed: it no longer accepts comments."
    ),
    Reason.NOT_ALLOWED: gettext_lazy("You can no longer post in this discussion."),
    Reason.EMPTY: gettext_lazy(
        "Once the quoted message and the signature were removed, your reply "
        "had no text left."
    ),
    Reason.RATE_LIMITED: gettext_lazy(
        "You posted several comments in a short time. Wait a minute, then send "
        "your reply again."
    ),
    Reason.INVALID: gettext_lazy("Your reply could not be posted:"),
}


def explanation(reason: Reason, user) -> str:
    return str(EXPLANATIONS[reason]) % {
        "days": settings.DISCUSSIONS_REPLY_MAX_AGE_DAYS,
        "email": user.email,
    }


def send(user, reason, *, language, text, page=None, detail="", subject=""):
    """E-mail ``user`` why their reply was not posted, with their text."""
    with mail.recipient_locale(language):
        context = {
            "user": user,
            "explanation": explanation(Reason(reason), user),
            "detail": detail,
            "text": text,
            "url": page_url(page) if page is not None else "",
            "subject": subject,
        }
        title = _("District.Team: your reply could not be posted")
    message = mail.compose(
        to=user.email,
        language=language,
        zone=zone_for_user(user),
        subject=title,
        body_template="discussions/email/reply_bounce.txt",
        context=context,
    )
    message.extra_headers["Auto-Submitted"] = "auto-replied"  # RFC 3834: no loops
    message.send()
