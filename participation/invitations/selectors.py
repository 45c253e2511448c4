"""Reads for the facilitators' invitation list."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Case, CharField, Q, QuerySet, TextChoices, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Invitation


class InvitationStatus(TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    NOT_SENT = "not_sent", _("Not sent")


def invitations(
    *, district=None, status: str = "", query: str = "", now=None
) -> QuerySet[Invitation]:
    """Invitations, newest first, each annotated with ``status``."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    rows = Invitation.objects.select_related("district", "invited_by").annotate(
        status=Case(
            When(accepted_at__isnull=False, then=Value(InvitationStatus.ACCEPTED)),
            When(sent_at__isnull=True, then=Value(InvitationStatus.NOT_SENT)),
            When(sent_at__lt=cutoff, then=Value(InvitationStatus.EXPIRED)),
            default=Value(InvitationStatus.PENDING),
            output_field=CharField(),
        )
    )
    if district is not None:
        rows = rows.filter(district=district)
    if status in InvitationStatus.values:
        rows = rows.filter(status=status)
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(email__icontains=query))
    return rows.order_by("-created_at", "-pk")
