"""What the portal keeps beside each django-comments-xtd comment: its status, its
markup, its reports."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.models import Page


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden by a facilitator")
    REMOVED = "removed", _("Removed")
    DELETED = "deleted", _("Deleted by its author")


class CommentDetails(models.Model):
    """What the portal adds to an xtd comment: rendered body, anchor, attribution."""

    comment = models.OneToOneField(
        XtdComment,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="details",
        verbose_name=_("comment"),
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    body_html = models.TextField(_("rendered text"))
    anchor = models.CharField(_("chart"), max_length=64, blank=True, db_index=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    district = models.ForeignKey(
        "districts.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
    )
    role = models.CharField(max_length=40, blank=True, verbose_name=_("role"))
    status = models.CharField(
        max_length=12,
        choices=CommentStatus.choices,
        default=CommentStatus.PUBLISHED,
        verbose_name=_("status"),
    )
    moderation_reason = models.TextField(_("reason"), blank=True)
    like_count = models.PositiveIntegerField(
        default=0, verbose_name=_("number of likes")
    )
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))
    # The language of the page it was posted (or last edited) from: a thread is
    # shared by a page's languages, so a comment may be read in another one.
    language = models.CharField(
        _("language"),
        max_length=8,
        default="fr",
        help_text=_("The language of the page the comment was written on."),
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.comment_id} ({self.status})"


class CommentFlag(models.Model):
    """A reader's report of a comment, waiting in the facilitators' queue."""

    comment = models.ForeignKey(
        XtdComment,
        on_delete=models.CASCADE,
        related_name="portal_flags",
        verbose_name=_("comment"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("user")
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("created at")
    )
    resolved_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("resolved at")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"], name="one_flag_per_user"
            )
        ]
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")

    def __str__(self) -> str:
        return f"{self.comment_id}: {self.reason[:40]}"
