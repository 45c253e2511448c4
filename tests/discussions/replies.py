"""Real MIME replies (tests/discussions/mail/*.eml) addressed to a reply token."""

import email
from email import policy
from pathlib import Path

from discussions.reply_tokens import reply_address

MAIL_DIR = Path(__file__).parent / "mail"


def raw_reply(name: str, to: str, sender: str) -> bytes:
    raw = (MAIL_DIR / f"{name}.eml").read_bytes()
    raw = raw.replace(b"{{to}}", to.encode()).replace(b"{{from}}", sender.encode())
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def reply(name: str, user, comment=None, page_id=None, sender=None, to=None):
    """The fixture ``name`` as ``user`` would send it to their reply address."""
    to = to or reply_address(
        user, comment_id=comment.pk if comment else None, page_id=page_id
    )
    raw = raw_reply(name, to, sender or user.email)
    return email.message_from_bytes(raw, policy=policy.default)
