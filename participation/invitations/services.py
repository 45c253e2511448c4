"""Invite HDMT members and let them join (a CSV file: ``importing``; the link:
``links``).

An invitation creates the member's account straight away (no usable password, not
active), their district membership and their HDMT role; the e-mailed link lets them
choose a password, which activates the account. The link is a signed token of the
invitation and its nonce: re-sending draws a new nonce, so an older link stops working.
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from discussions.services import remember_language
from districts.models import Membership
from districts.roles import Role
from participation.invitations.tasks import send_invitations_task
from participation.models import Invitation, new_nonce

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT_LANGUAGE = "fr"


# --- Who may be invited -------------------------------------------------------------


def normalise_email(email: str) -> str:
    return get_user_model().objects.normalize_email((email or "").strip())


def pending_invitation(email: str) -> Invitation | None:
    """The open (not accepted) invitation of this e-mail, if any."""
    return (
        Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True)
        .select_related("user")
        .first()
    )


ACCOUNT_EXISTS = gettext_lazy("An account with this e-mail already exists.")


def blocked_emails(emails: list[str]) -> set[str]:
    """The (lower-cased) e-mails among ``emails`` that cannot be invited: an account
    uses them that is not merely waiting on its open invitation. Two queries."""
    wanted = {email.lower() for email in emails if email}
    if not wanted:
        return set()
    taken = set(
        get_user_model()
        .objects.annotate(lower_email=Lower("email"))
        .filter(lower_email__in=wanted)
        .values_list("lower_email", flat=True)
    )
    pending = (
        Invitation.objects.annotate(lower_email=Lower("email"))
        .filter(lower_email__in=taken, accepted_at__isnull=True)
        .select_related("user")
    )
    waiting = {i.lower_email for i in pending if not i.user.has_usable_password()}
    return taken - waiting


def account_problem(email: str) -> str | None:
    """Why this e-mail cannot be invited, or None (new, or invited but not joined)."""
    return str(ACCOUNT_EXISTS) if email.lower() in blocked_emails([email]) else None


# --- Inviting -----------------------------------------------------------------------


def invite(*, name, email, district, language, invited_by) -> Invitation:
    """Invite one member (or re-send an open invitation with a new link).

    Raises ValidationError if the e-mail belongs to an account already in use."""
    email = normalise_email(email)
    language = language if language in LANGUAGE_CODES else DEFAULT_LANGUAGE
    problem = account_problem(email)
    if problem:
        raise ValidationError(problem, code="account_exists")
    with transaction.atomic():
        invitation = pending_invitation(email)
        if invitation is None:
            user = _new_member(name, email)
            invitation = Invitation(user=user, email=email)
        else:
            user = invitation.user
            _set_names(user, name)
            user.save(update_fields=["first_name", "last_name"])
            invitation.nonce = new_nonce()
            invitation.sent_at = None
        invitation.name = name.strip()
        invitation.district = district
        invitation.language = language
        invitation.invited_by = invited_by
        invitation.save()
        Membership.objects.update_or_create(user=user, defaults={"district": district})
        user.groups.add(Group.objects.get(name=Role.HDMT_MEMBER))
        remember_language(user, language)
        _send_after_commit([invitation.pk])
    return invitation


def resend(invitation: Invitation) -> Invitation:
    """E-mail a new link (the previous one stops working)."""
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation was already accepted."))
    with transaction.atomic():
        invitation.nonce = new_nonce()
        invitation.sent_at = None
        invitation.save(update_fields=["nonce", "sent_at"])
        _send_after_commit([invitation.pk])
    return invitation


def _new_member(name: str, email: str):
    user = get_user_model()(
        username=_free_username(email), email=email, is_active=False
    )
    _set_names(user, name)
    user.set_unusable_password()
    user.save()
    return user


def _set_names(user, name: str) -> None:
    first, _space, last = name.strip().partition(" ")
    user.first_name = first[:150]
    user.last_name = last.strip()[:150]


def _free_username(email: str) -> str:
    """The e-mail's local part, folded to what @mentions accept, made unique."""
    local = email.split("@", 1)[0]
    folded = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9_.-]+", "-", folded.lower()).strip("._-")[:30] or "member"
    users = get_user_model().objects
    username, suffix = base, 1
    while users.filter(username__iexact=username).exists():
        suffix += 1
        username = f"{base}-{suffix}"
    return username


def _send_after_commit(invitation_ids: list[int]) -> None:
    transaction.on_commit(lambda: send_invitations_task.enqueue(invitation_ids))


# --- Joining ------------------------------------------------------------------------


def accept(invitation: Invitation, password: str):
    """Set the member's password and activate the account; returns the user.

    Raises ValidationError if the invitation was accepted meanwhile (double submit)."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None or locked.nonce != invitation.nonce:
            raise ValidationError(_("This invitation was already used."))
        user = locked.user
        user.set_password(password)
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
    return user
