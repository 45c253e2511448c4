from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TopicSubscription(models.Model):
    """A reader follows a topic and gets an e-mail when a lesson on it is published."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="topic_subscriptions",
        verbose_name=_("user"),
    )
    topic = models.ForeignKey(
        "lessons.Topic",
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("topic"),
    )
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default="fr"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("topic subscription")
        verbose_name_plural = _("topic subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"], name="unique_topic_follow"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.topic}"


class CountrySubscription(models.Model):
    """A reader follows a country: an e-mail when a lesson about it is published.

    Like a topic follow, it records when it started (`created_at`): the alerts list
    only lessons first published after it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="country_subscriptions",
        verbose_name=_("user"),
    )
    country = models.ForeignKey(
        "districts.Country",
        on_delete=models.CASCADE,
        related_name="lesson_subscriptions",
        verbose_name=_("country"),
    )
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default="fr"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("country subscription")
        verbose_name_plural = _("country subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "country"], name="unique_country_follow"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.country}"


class LessonAlertSent(models.Model):
    """Records that a user was told about a lesson (any language), so never twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    lesson_key = models.UUIDField(_("lesson translation key"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson alert sent")
        verbose_name_plural = _("lesson alerts sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key"], name="unique_lesson_alert"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ← {self.lesson_key}"
