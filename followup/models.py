"""A district's commitments after a cycle, their check-ins and the cycle's schedule.

The team shares one ``CommitmentSet`` per cycle, as it shares one survey answer: a
flat document (``fields``, see ``followup.document``) saved with a version and a
revision per save, merged field by field on concurrent edits with the survey's own
rules (``cycles.services.three_way_merge``). ``Commitment`` and ``CheckIn`` rows are
that document laid out for reading (counts, lesson adoption, charts); every save
rewrites them in the same transaction, so they never disagree with it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    NAMED = "named", _("Others see it with our district's name")
    PSEUDONYM = "pseudonym", _("Others see it with the cycle's pseudonym")
    HIDDEN = "hidden", _("Only our team and the facilitators see it")


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class FollowUpSchedule(models.Model):
    """When the teams of a cycle report on their commitments: months after the
    discussion closes (set by facilitators, read from the cycle's source page)."""

    cycle = models.OneToOneField(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="followup_schedule",
        verbose_name=_("cycle"),
    )
    months = models.CharField(
        _("check-ins, in months after the discussion closes"),
        max_length=50,
        default="1,3,6",
        help_text=_(
            "Numbers separated by commas, e.g. 1,3,6 (at most six; 0 is the day "
            "the discussion closes)."
        ),
    )

    class Meta:
        verbose_name = _("follow-up schedule")
        verbose_name_plural = _("follow-up schedules")

    def __str__(self) -> str:
        return str(self.cycle)


class CommitmentSet(models.Model):
    cycle = models.ForeignKey(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("cycle"),
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("district"),
    )
    fields = models.JSONField(_("commitments"), default=dict, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("district commitments")
        verbose_name_plural = _("district commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "district"], name="one_commitment_set_per_district"
            )
        ]

    def __str__(self) -> str:
        return f"{self.district} · {self.cycle}"


class CommitmentSetRevision(models.Model):
    commitment_set = models.ForeignKey(
        CommitmentSet, on_delete=models.CASCADE, related_name="revisions"
    )
    version = models.PositiveIntegerField(_("version"))
    fields = models.JSONField(_("commitments"), default=dict)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("commitments revision")
        verbose_name_plural = _("commitments revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment_set", "version"],
                name="one_commitment_revision_per_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment_set} v{self.version}"


class Commitment(models.Model):
    commitment_set = models.ForeignKey(
        CommitmentSet, on_delete=models.CASCADE, related_name="commitments"
    )
    cycle = models.ForeignKey(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("cycle"),
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("district"),
    )
    slot = models.PositiveSmallIntegerField(_("number"))
    what = models.TextField(_("what will change"))
    lead = models.CharField(_("who leads"), max_length=200, blank=True)
    by_when = models.DateField(_("by when"), null=True, blank=True)
    measure = models.TextField(_("how we will know"), blank=True)
    indicator_query = models.ForeignKey(
        "dhis2.AnalyticsQuery",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("DHIS2 analytics query"),
    )
    indicator = models.CharField(_("DHIS2 indicator"), max_length=11, blank=True)
    indicator_name = models.CharField(
        _("DHIS2 indicator name"), max_length=230, blank=True
    )
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lesson adopted"),
    )
    visibility = models.CharField(
        _("who sees it"), max_length=10, choices=Visibility.choices
    )
    committed_on = models.DateField(_("committed on"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.NOT_STARTED,
    )
    outcome = models.TextField(_("what happened"), blank=True)

    class Meta:
        ordering = ["district__name", "slot"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment_set", "slot"], name="one_commitment_per_slot"
            )
        ]

    def __str__(self) -> str:
        return self.what[:80]


class CheckIn(models.Model):
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="checkins"
    )
    number = models.PositiveSmallIntegerField(_("check-in"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    happened = models.TextField(_("what happened"), blank=True)
    obstacles = models.TextField(_("what got in the way"), blank=True)

    class Meta:
        ordering = ["commitment", "number"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "number"], name="one_checkin_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment} · {self.number}"
