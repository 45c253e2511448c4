"""Discussion data beside django-comments-xtd's threaded ``XtdComment``.

A thread belongs to the *canonical* page of a translation group (the first page
created, the French one), so French and English readers share one conversation.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class Attribution(models.TextChoices):
    NAMED = "named", _("Named: show who wrote each comment")
    DISTRICT = "district", _("District only: “a member of <district>”")
    COUNTRY = "country", _("Country only")


class DiscussablePageMixin:
    """The discussion protocol a page may implement; these are the safe defaults.

    CyclePage and LessonPage override what they need (dates, attribution, charts).
    """

    discussion_attribution = Attribution.NAMED
    discussion_allows_policymakers = False
    # A country's own forum: only its district teams (and facilitators) post there.
    discussion_country_id: int | None = None

    def discussion_is_open(self, now=None) -> bool:
        return True

    def discussion_anchors(self) -> list[tuple[str, str]]:
        return []

    def discussion_visible_to(self, user) -> bool:
        """Who may read the thread (pages that gate their content override this)."""
        return True

    @property
    def shows_discussion(self) -> bool:
        """Whether the page shows a thread at all (and so accepts comments)."""
        return True

    def discussion_district_labels(self) -> dict[int, str] | None:
        """How districts are named in attributions: None for their real names;
        otherwise district id → the label the page's results use (pseudonyms),
        with districts missing from it (or an empty dict) shown by country."""
        return None


class ForumPage(DiscussablePageMixin, Page):
    """An open forum: one per country, or one for all countries (no country)."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    country = models.ForeignKey(
        "districts.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the forum shared by all countries."),
    )
    allow_policymakers = models.BooleanField(_("policymakers may post"), default=False)
    is_open = models.BooleanField(_("open for new comments"), default=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("country"),
        FieldPanel("allow_policymakers"),
        FieldPanel("is_open"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    template = "discussions/forum_page.html"

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    @property
    def discussion_allows_policymakers(self) -> bool:  # type: ignore[override]
        return self.allow_policymakers

    def discussion_is_open(self, now=None) -> bool:
        return self.is_open

    @property
    def discussion_country_id(self) -> int | None:  # type: ignore[override]
        return self.country_id


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
