"""What a channel could not deliver, kept for the facilitators (admin "Delivery
problems") instead of only a log line: a reply by e-mail that was refused (with the
text the member typed, so nothing is lost), an e-mail the mail server refused, a
translation the translator did not give."""

from django.conf import settings
from django.contrib.admin import display
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.models import Page


class Channel(models.TextChoices):
    INBOUND = "inbound", _("Reply by e-mail")
    OUTBOUND = "outbound", _("E-mail sent")
    TRANSLATION = "translation", _("Translation")


class ChannelFailure(models.Model):
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    reason = models.CharField(_("reason"), max_length=32)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("member"),
    )
    sender = models.CharField(_("sender or recipient"), max_length=254, blank=True)
    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("thread"),
    )
    parent_id = models.PositiveIntegerField(
        _("comment answered"), null=True, blank=True
    )
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    text = models.TextField(_("text typed"), blank=True)
    detail = models.TextField(_("detail"), blank=True)
    bounced = models.BooleanField(_("member told by e-mail"), default=False)
    posted_comment = models.ForeignKey(
        XtdComment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("posted as"),
    )
    resolved_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery problem")
        verbose_name_plural = _("delivery problems")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.reason}"

    @display(description=_("when"), ordering="created_at")
    def when(self) -> str:
        """Short, for the narrow first column of the admin's list ("03/12/2026 14:48"
        rather than a month's name broken over two lines)."""
        return formats.date_format(
            timezone.localtime(self.created_at), "SHORT_DATETIME_FORMAT"
        )
