"""Outbound mail: one way to write an e-mail to one person, and one unsubscribe token.

:func:`compose` renders a mail's subject and text (and HTML, when it has a template)
in the recipient's language and time zone, and adds the List-Unsubscribe headers
(RFC 2369, and RFC 8058's one-click POST when the link accepts it) when the mail has
an unsubscribe link. Context that must itself be built in the recipient's language
(translated page titles, language-prefixed links) is built inside
:func:`recipient_locale`, the same switch :func:`compose` renders under.

Every unsubscribe link carries a token signed here, with one salt per kind of mail
(discussions, reminders, lesson alerts), so a link of one kind never unsubscribes
from another. The salts are those the three mailers used before, so links already in
inboxes keep working. Links are absolute on BASE_URL (portal/links.py).
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation

# Template line breaks fold onto one line; non-breaking spaces (French typography) stay.
LINE_BREAKS = re.compile(r"[ \t\r\n]+")
TOKEN_MAX_AGE = 60 * 60 * 24 * 365  # a year: an old e-mail still unsubscribes


class Unsubscribe(StrEnum):
    """What an unsubscribe link stops; the value is its token's salt."""

    DISCUSSIONS = "discussions.unsubscribe"
    REMINDERS = "participation.reminders"
    LESSON_ALERTS = "lessons.alerts.unsubscribe"


def unsubscribe_token(user, kind: Unsubscribe) -> str:
    return signing.dumps({"u": user.pk}, salt=str(kind))


def user_from_unsubscribe_token(token: str, kind: Unsubscribe):
    """The active user a token of this kind was made for, or None (bad, forged, of
    another kind, or older than a year)."""
    try:
        data = signing.loads(token, salt=str(kind), max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return get_user_model().objects.filter(pk=data["u"], is_active=True).first()


@contextmanager
def recipient_locale(language: str, zone=None) -> Iterator[None]:
    """The recipient's language and (when given) time zone, active for the block."""
    with translation.override(language):
        if zone is None:
            yield
        else:
            with timezone.override(zone):
                yield


def compose(
    *,
    to: str,
    language: str,
    context: dict,
    body_template: str,
    subject: str = "",
    subject_template: str = "",
    html_template: str = "",
    zone=None,
    unsubscribe_url: str = "",
    one_click: bool = False,
    reply_to: str = "",
    polish: Callable[[str], str] | None = None,
    connection=None,
) -> EmailMessage:
    """The e-mail to ``to``, rendered in ``language`` and ``zone``.

    The subject is ``subject`` (already in the recipient's language) or rendered from
    ``subject_template`` and folded onto one line. ``polish`` finishes each text
    rendered from a template (e.g. French elision before a district's name). ``unsubscribe_url`` adds
    List-Unsubscribe; ``one_click`` says a POST to it unsubscribes (RFC 8058);
    ``reply_to`` is the Reply-To address (a signed reply address, for instance)."""
    finish = polish or (lambda text: text)
    with recipient_locale(language, zone):
        if subject_template:
            subject = finish(render_to_string(subject_template, context))
        subject = LINE_BREAKS.sub(" ", subject).strip()
        body = finish(render_to_string(body_template, context))
        html = finish(render_to_string(html_template, context)) if html_template else ""
    headers = {}
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        if one_click:
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject,
        body,
        to=[to],
        headers=headers,
        connection=connection,
        reply_to=[reply_to] if reply_to else None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def send(**kwargs) -> None:
    """Compose (see :func:`compose`) and send at once."""
    compose(**kwargs).send()
