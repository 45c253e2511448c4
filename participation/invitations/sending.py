"""E-mailing invitations: the message in the invitee's language and its link.

Called by the task (``tasks.py``), which the services enqueue after their commit."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone, translation

from participation.invitations.links import make_token
from participation.models import Invitation
from portal import mail
from portal.links import absolute_url
from portal.typography import elide

logger = logging.getLogger(__name__)


def send_invitations(invitation_ids: list[int]) -> int:
    """E-mail each open invitation its link over one connection; returns e-mails sent.

    A failed delivery is logged and leaves ``sent_at`` empty ("not sent" in the admin),
    so a facilitator can re-send it."""
    sent = 0
    invitations = Invitation.objects.filter(
        pk__in=invitation_ids, accepted_at__isnull=True
    ).select_related("user", "district__country", "invited_by")
    with get_connection() as connection:
        for invitation in invitations:
            try:
                invitation_message(invitation, connection).send()
            except Exception:
                logger.exception("Invitation %s could not be e-mailed", invitation.pk)
                continue
            Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
            sent += 1
    return sent


def invitation_message(invitation: Invitation, connection=None) -> EmailMessage:
    with mail.recipient_locale(invitation.language):
        context = {
            "invitation": invitation,
            "username": invitation.user.get_username(),
            "inviter": invitation.invited_by.get_full_name()
            if invitation.invited_by
            else "",
            "url": accept_url(invitation),
            "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
        }
    return mail.compose(
        to=invitation.email,
        language=invitation.language,
        subject_template="participation/email/invitation_subject.txt",
        body_template="participation/email/invitation_body.txt",
        context=context,
        polish=lambda text: elide(text, invitation.district.name),
        connection=connection,
    )


def accept_url(invitation: Invitation) -> str:
    """The absolute link, under the invitee's language prefix."""
    with translation.override(invitation.language):
        path = reverse(
            "participation:accept_invitation", kwargs={"token": make_token(invitation)}
        )
    return absolute_url(path)
