"""Who takes part: invitations, reminders sent, reminder opt-outs and last visits.

Participation figures belong to a cycle's translation group: reminders and rates point
at the canonical (French) cycle page, so French and English pages share them.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class Invitation(models.Model):
    """A facilitator's invitation of one HDMT member to join a district's team."""

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("district"),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("member"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    nonce = models.CharField(
        max_length=32, default=new_nonce, editable=False, verbose_name=_("link secret")
    )
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.district}"


class ReminderKind(models.TextChoices):
    SURVEY_OPENS = "survey_opens", _("The questionnaire is open")
    SURVEY_CLOSING = "survey_closing", _("The questionnaire closes soon")
    SURVEY_LAST_DAY = "survey_last_day", _("Last day to answer")
    DISCUSSION_OPENS = "discussion_opens", _("The discussion is open")
    # Follow-up check-ins of commitments (participation/reminders/checkins.py): one
    # kind per check-in, so each is sent once per member and cycle.
    CHECKIN_1 = "checkin_1", _("Follow-up check-in 1 is due")
    CHECKIN_2 = "checkin_2", _("Follow-up check-in 2 is due")
    CHECKIN_3 = "checkin_3", _("Follow-up check-in 3 is due")
    CHECKIN_4 = "checkin_4", _("Follow-up check-in 4 is due")
    CHECKIN_5 = "checkin_5", _("Follow-up check-in 5 is due")
    CHECKIN_6 = "checkin_6", _("Follow-up check-in 6 is due")


class ReminderDelivery(models.Model):
    """One reminder e-mailed to one member: the log, and the guard against repeats."""

    cycle = models.ForeignKey(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("cycle"),
    )
    kind = models.CharField(_("reminder"), max_length=20, choices=ReminderKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("district"),
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "kind", "user"], name="one_reminder_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.email}"


class ReminderOptOut(models.Model):
    """A member who asked for no more participation reminders."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reminder_opt_out",
        verbose_name=_("member"),
    )
    created_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("created at")
    )

    class Meta:
        verbose_name = _("reminder opt-out")
        verbose_name_plural = _("reminder opt-outs")

    def __str__(self) -> str:
        return str(self.user_id)


class LastVisit(models.Model):
    """When a signed-in user last opened a page (kept to the quarter hour)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="last_visit",
        verbose_name=_("user"),
    )
    seen_at = models.DateTimeField(_("last visit"), db_index=True)

    class Meta:
        verbose_name = _("last visit")
        verbose_name_plural = _("last visits")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.seen_at:%Y-%m-%d %H:%M}"
