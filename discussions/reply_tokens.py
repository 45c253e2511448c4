"""The signed reply address of a notification: ``reply+<token>@REPLY_DOMAIN``.

One token per member and thread: it names the comment the e-mail is about (a reply
by e-mail answers it) or, for a page-wide e-mail such as a synthesis announcement,
the thread's page. It is made with ``django.core.signing`` (a timestamp signer with
its own salt, so no other token of the portal is accepted as one) and kept short:
an address's local part has at most 64 characters, so the value is compact
(``c123.u45`` or ``p67.u45``), the separator a dot (a colon may not appear unquoted
in an address) and the HMAC-SHA256 signature cut to 22 characters (132 bits).
Local parts are case-sensitive (RFC 5321); every ESP and IMAP server kept them
intact in our tests, the token would not survive one that folds case.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

SALT = "discussions.reply-by-email"
SIGNATURE_LENGTH = 22
_VALUE_RE = re.compile(r"^(?P<kind>[cp])(?P<target>\d+)-u(?P<user>\d+)$")
ADDRESS_RE = re.compile(r"reply\+(?P<token>[A-Za-z0-9_.-]+)@(?P<domain>[^\s>]+)", re.I)


class BadToken(Exception):
    """Not one of ours: forged, truncated, or signed with another key."""


class ExpiredToken(Exception):
    """Signed by us but older than DISCUSSIONS_REPLY_MAX_AGE_DAYS."""

    def __init__(self, target: "ReplyTarget"):
        super().__init__("expired reply token")
        self.target = target


@dataclass(frozen=True)
class ReplyTarget:
    user_id: int
    comment_id: int | None
    page_id: int | None
    issued_at: datetime


class _Signer(signing.TimestampSigner):
    def signature(self, value, key=None):
        return super().signature(value, key)[:SIGNATURE_LENGTH]


def _signer() -> _Signer:
    return _Signer(salt=SALT, sep=".")


def enabled() -> bool:
    return bool(settings.DISCUSSIONS_REPLY_DOMAIN)


def make_token(user, *, comment_id: int | None = None, page_id: int | None = None):
    if (comment_id is None) == (page_id is None):
        raise ValueError("A reply token names a comment or a page, not both.")
    value = f"c{comment_id}" if comment_id is not None else f"p{page_id}"
    return _signer().sign(f"{value}-u{user.pk}")


def reply_address(user, *, comment_id=None, page_id=None) -> str:
    """The member's reply address for this comment or page; "" when replies by
    e-mail are off (no DISCUSSIONS_REPLY_DOMAIN)."""
    if not enabled():
        return ""
    token = make_token(user, comment_id=comment_id, page_id=page_id)
    return f"reply+{token}@{settings.DISCUSSIONS_REPLY_DOMAIN}"


def read_token(token: str) -> ReplyTarget:
    """The target of a token; BadToken if it is not ours, ExpiredToken if old."""
    signer = _signer()
    try:
        value = signer.unsign(token)
        issued = timezone.now() - timedelta(seconds=_age(signer, token))
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    match = _VALUE_RE.match(value)
    if not match:
        raise BadToken("unexpected value")
    target_id = int(match["target"])
    target = ReplyTarget(
        user_id=int(match["user"]),
        comment_id=target_id if match["kind"] == "c" else None,
        page_id=target_id if match["kind"] == "p" else None,
        issued_at=issued,
    )
    max_age = timedelta(days=settings.DISCUSSIONS_REPLY_MAX_AGE_DAYS)
    if timezone.now() - target.issued_at > max_age:
        raise ExpiredToken(target)
    return target


def _age(signer: _Signer, token: str) -> float:
    timestamp = token.rsplit(signer.sep, 2)[1]
    return timezone.now().timestamp() - signing.b62_decode(timestamp)


def tokens_in(addresses) -> list[str]:
    """The reply tokens found in these addresses, on our reply domain only."""
    domain = (settings.DISCUSSIONS_REPLY_DOMAIN or "").lower()
    found = []
    for address in addresses:
        for match in ADDRESS_RE.finditer(address or ""):
            if match["domain"].lower() == domain and match["token"] not in found:
                found.append(match["token"])
    return found
