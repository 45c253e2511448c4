"""Who follows what and how they are told: follows, notification settings, the
notifications queued, and the once-only announcements."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.models import Page


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    created_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("created at")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="one_follow")
        ]
        verbose_name = _("followed page")
        verbose_name_plural = _("followed pages")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.page_id}"


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately, one e-mail each")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


class NotificationSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="discussion_settings",
        verbose_name=_("user"),
    )
    frequency = models.CharField(
        _("e-mail notifications"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    language = models.CharField(max_length=8, default="fr", verbose_name=_("language"))
    last_digest_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("last digest sent at")
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("Reply to your comment")
    MENTION = "mention", _("Mention")
    FOLLOWED = "followed", _("New comment on a page you follow")


class Notification(models.Model):
    """One item to tell one user; ``sent_at`` makes sending idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    comment = models.ForeignKey(
        XtdComment,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("comment"),
    )
    kind = models.CharField(
        max_length=10, choices=NotificationKind.choices, verbose_name=_("kind")
    )
    created_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("created at")
    )
    sent_at = models.DateTimeField(
        null=True, blank=True, db_index=True, verbose_name=_("sent at")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "comment"], name="one_notification_per_comment"
            )
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} {self.comment_id} → {self.user_id}"


class Announcement(models.Model):
    """A one-off news item told to a page's followers, such as a cycle's synthesis.

    One row per thread page and kind: creating it claims the sending, so followers
    are told once, however often the page is published again."""

    class Kind(models.TextChoices):
        SYNTHESIS = "synthesis", _("Synthesis published")

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    published_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("published at")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="one_announcement")
        ]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return f"{self.kind} {self.page_id}"
