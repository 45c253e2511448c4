"""Members' SMS choice and number, every SMS sent (the log and the guard against
repeats), and the short links the messages carry."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SHORT_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i


def new_short_code() -> str:
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(7))


class SmsSubscription(models.Model):
    """A member's mobile number (E.164) and whether they want reminders by SMS."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="sms_subscription",
        verbose_name=_("member"),
    )
    phone = models.CharField(_("mobile number"), max_length=20, db_index=True)
    opted_in = models.BooleanField(_("wants SMS"), default=False)
    stopped_by_sms = models.BooleanField(
        _("stopped by SMS"),
        default=False,
        help_text=_("The member answered STOP to an SMS."),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("SMS subscription")
        verbose_name_plural = _("SMS subscriptions")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.phone}"


class SmsStatus(models.TextChoices):
    PENDING = "pending", _("Sending")
    SENT = "sent", _("Sent")
    RETRY = "retry", _("Will retry")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class SmsMessage(models.Model):
    """One SMS to one member. Its unique ``key`` is claimed before the message leaves,
    so no SMS is ever sent twice; a "pending" row whose sending was cut off is never
    sent again."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("member"),
    )
    phone = models.CharField(_("mobile number"), max_length=20)
    kind = models.CharField(_("kind"), max_length=40)
    language = models.CharField(_("language"), max_length=8, blank=True)
    text = models.TextField(_("text"))
    backend = models.CharField(_("gateway"), max_length=100)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SmsStatus.choices,
        default=SmsStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    gateway_id = models.CharField(_("gateway's message id"), max_length=100, blank=True)
    gateway_status = models.CharField(_("gateway's status"), max_length=100, blank=True)
    response = models.TextField(_("gateway's answer"), blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("SMS")
        verbose_name_plural = _("SMS sent")

    def __str__(self) -> str:
        return f"{self.kind} → {self.phone} ({self.status})"


class ShortLink(models.Model):
    """A short path (``/s/<code>``) that redirects to a longer address of the portal."""

    code = models.CharField(
        _("code"), max_length=12, unique=True, default=new_short_code
    )
    url = models.CharField(_("address"), max_length=500, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("short link")
        verbose_name_plural = _("short links")

    def __str__(self) -> str:
        return f"{self.code} → {self.url}"
