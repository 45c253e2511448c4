from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class SurveyResponse(models.Model):
    """A district's one shared answer to a cycle's questionnaire.

    `cycle` is the cycle's source page (normally French), whatever language the
    members answer in; `answers` is keyed on the questions' stable names. `version`
    goes up by one on every save (optimistic concurrency, see docs/decisions.md).
    """

    cycle = models.ForeignKey(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("cycle"),
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.PROTECT,
        related_name="survey_responses",
        verbose_name=_("district"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ResponseStatus.choices,
        default=ResponseStatus.DRAFT,
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    submission_token = models.CharField(
        _("last submission token"), max_length=64, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["district__country__name", "district__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "district"], name="cycles_one_response_per_district"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cycle} — {self.district}"

    @property
    def updated_by_name(self) -> str:
        user = self.updated_by
        return (user.get_full_name() or user.get_username()) if user else ""

    @property
    def is_submitted(self) -> bool:
        return self.status == ResponseStatus.SUBMITTED


class SurveyResponseRevision(models.Model):
    """The answers as they were after each save: who, when, which version."""

    response = models.ForeignKey(
        SurveyResponse,
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("response"),
    )
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=ResponseStatus.choices
    )
    answers = models.JSONField(_("answers"), default=dict)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey response revision")
        verbose_name_plural = _("survey response revisions")
        ordering = ["response", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "version"], name="cycles_one_revision_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.response} v{self.version}"
