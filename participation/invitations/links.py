"""The e-mailed link of an invitation: a signed token of the invitation and its
nonce (re-sending draws a new nonce, so an older link stops working), and what a
link opens when the invitee follows it."""

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.core import signing

from participation.models import Invitation

SIGNING_SALT = "participation.invitation"


def make_token(invitation: Invitation) -> str:
    signer = signing.TimestampSigner(salt=SIGNING_SALT)
    return signer.sign_object({"i": invitation.pk, "n": invitation.nonce})


class LinkState(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"


@dataclass(frozen=True)
class LinkCheck:
    state: LinkState
    invitation: Invitation | None = None


def check_token(token: str) -> LinkCheck:
    """Which invitation a link opens, and whether it may still be used."""
    signer = signing.TimestampSigner(salt=SIGNING_SALT)
    try:
        data = signer.unsign_object(token)
    except signing.BadSignature:
        return LinkCheck(LinkState.INVALID)
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        return LinkCheck(LinkState.INVALID)
    invitation = (
        Invitation.objects.select_related("user", "district__country")
        .filter(pk=data["i"], nonce=data.get("n"))
        .first()
    )
    if invitation is None:
        return LinkCheck(LinkState.INVALID)
    if invitation.accepted_at is not None:
        return LinkCheck(LinkState.USED, invitation)
    try:
        signer.unsign_object(token, max_age=max_age())
    except signing.SignatureExpired:
        return LinkCheck(LinkState.EXPIRED, invitation)
    return LinkCheck(LinkState.VALID, invitation)


def max_age() -> timedelta:
    return timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
