from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

from dhis2.client import AUTH_BASIC, AUTH_TOKEN, Dhis2Connection
from dhis2.forms import Dhis2SettingsForm


@register_setting(icon="link")
class Dhis2Settings(BaseGenericSetting):
    """The connection to the national DHIS2; edited by administrators only.

    The token and password are write-only in the admin form (never rendered back).
    """

    AUTH_CHOICES = [
        (AUTH_TOKEN, _("Personal access token")),
        (AUTH_BASIC, _("Username and password")),
    ]

    base_url = models.URLField(
        _("base URL"),
        blank=True,
        help_text=_("For example https://dhis2.example.org (without /api)."),
    )
    auth_method = models.CharField(
        _("authentication"), max_length=10, choices=AUTH_CHOICES, default=AUTH_TOKEN
    )
    token = models.CharField(_("personal access token"), max_length=255, blank=True)
    username = models.CharField(_("username"), max_length=150, blank=True)
    password = models.CharField(_("password"), max_length=255, blank=True)
    connect_timeout = models.PositiveSmallIntegerField(
        _("connect timeout (seconds)"), default=5
    )
    read_timeout = models.PositiveSmallIntegerField(
        _("read timeout (seconds)"), default=20
    )

    base_form_class = Dhis2SettingsForm
    panels = [
        HelpPanel(template="dhis2/admin/test_connection_link.html"),
        FieldPanel("base_url"),
        MultiFieldPanel(
            [
                FieldPanel("auth_method"),
                FieldPanel("token"),
                FieldPanel("username"),
                FieldPanel("password"),
            ],
            heading=_("Credentials"),
        ),
        MultiFieldPanel(
            [FieldPanel("connect_timeout"), FieldPanel("read_timeout")],
            heading=_("Timeouts"),
        ),
    ]

    class Meta:
        verbose_name = _("DHIS2 connection")
        verbose_name_plural = _("DHIS2 connections")

    def connection(self) -> Dhis2Connection:
        return Dhis2Connection(
            base_url=self.base_url,
            auth_method=self.auth_method,
            token=self.token,
            username=self.username,
            password=self.password,
            connect_timeout=float(self.connect_timeout),
            read_timeout=float(self.read_timeout),
        )


class AnalyticsQuery(models.Model):
    """A DHIS2 analytics query whose answer is kept as a snapshot for charts."""

    name = models.CharField(_("name"), max_length=200)
    data_items = models.CharField(
        _("data elements or indicators"),
        max_length=500,
        help_text=_("DHIS2 identifiers separated by semicolons, e.g. fbfJHSPpUQD."),
    )
    periods = models.CharField(
        _("periods"),
        max_length=300,
        help_text=_(
            "Periods separated by semicolons, e.g. 2024Q1;2024Q2 or LAST_12_MONTHS."
        ),
    )
    org_units = models.CharField(
        _("organisation units"),
        max_length=500,
        help_text=_("DHIS2 identifiers separated by semicolons, e.g. ImspTQPwCqd."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("DHIS2 analytics query")
        verbose_name_plural = _("DHIS2 analytics queries")

    def __str__(self) -> str:
        return self.name

    @admin.display(description=_("last refresh"))
    def snapshot_fetched_at(self):
        snapshot = getattr(self, "snapshot", None)
        return snapshot.fetched_at if snapshot and snapshot.fetched_at else "—"

    @admin.display(description=_("last error"))
    def snapshot_error(self):
        snapshot = getattr(self, "snapshot", None)
        return snapshot.last_error if snapshot and snapshot.last_error else ""

    @staticmethod
    def _split(value: str) -> list[str]:
        return [part.strip() for part in value.split(";") if part.strip()]

    def dimensions(self) -> list[tuple[str, str]]:
        return [
            ("dimension", "dx:" + ";".join(self._split(self.data_items))),
            ("dimension", "pe:" + ";".join(self._split(self.periods))),
            ("dimension", "ou:" + ";".join(self._split(self.org_units))),
        ]


class AnalyticsSnapshot(models.Model):
    """The last good answer of a query, and why the last refresh failed if it did."""

    query = models.OneToOneField(
        AnalyticsQuery,
        on_delete=models.CASCADE,
        related_name="snapshot",
        verbose_name=_("query"),
    )
    fetched_at = models.DateTimeField(_("fetched at"), null=True, blank=True)
    data = models.JSONField(_("data"), default=list, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)

    class Meta:
        verbose_name = _("DHIS2 analytics snapshot")
        verbose_name_plural = _("DHIS2 analytics snapshots")

    def __str__(self) -> str:
        return str(self.query)


class Dhis2Job(models.Model):
    """One DHIS2 call asked for in the admin (a refresh, a connection test, an export
    dry run or import), run as a task: the admin page shows where the last one is
    without waiting for DHIS2."""

    class Kind(models.TextChoices):
        REFRESH = "refresh", _("analytics refresh")
        CONNECTION = "connection", _("connection test")
        EXPORT_DRY_RUN = "export_dry_run", _("export dry run")
        EXPORT = "export", _("export to DHIS2")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    query = models.ForeignKey(
        AnalyticsQuery,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("query"),
    )
    export = models.ForeignKey(
        "dhis2.ExportMapping",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("export mapping"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    #: An export's import summary as DHIS2 gave it (see ``dhis2.exports``).
    summary = models.JSONField(_("import summary"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("DHIS2 job")
        verbose_name_plural = _("DHIS2 jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "query", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def help_class(self) -> str:
        """The admin's help-block style for this status."""
        return {
            self.Status.SUCCEEDED: "help-info",
            self.Status.FAILED: "help-critical",
        }.get(self.status, "help-warning")


class ExportMapping(ClusterableModel):
    """How one cycle's submitted answers become a DHIS2 data value set."""

    cycle = models.OneToOneField(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("cycle"),
        help_text=_("The cycle page in its source language."),
    )
    period = models.CharField(
        _("DHIS2 period"),
        max_length=20,
        help_text=_("The DHIS2 period of the cycle, e.g. 2025Q3 or 202509."),
    )
    data_set = models.CharField(_("DHIS2 data set"), max_length=11, blank=True)
    attribute_option_combo = models.CharField(
        _("attribute option combo"), max_length=11, blank=True
    )

    class Meta:
        verbose_name = _("DHIS2 export mapping")
        verbose_name_plural = _("DHIS2 export mappings")

    def __str__(self) -> str:
        return f"{self.cycle.title} → {self.period}"


class ValueMapping(Orderable):
    """One answer (or one choice count) → one DHIS2 data element and combo."""

    export = ParentalKey(
        ExportMapping,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("export mapping"),
    )
    source = models.CharField(
        _("question"),
        max_length=150,
        help_text=_(
            'A question name (its numeric answer) or "question:choice" (1 when the '
            "district chose it, 0 otherwise)."
        ),
    )
    data_element = models.CharField(_("data element"), max_length=11)
    category_option_combo = models.CharField(
        _("category option combo"), max_length=11, blank=True
    )

    class Meta(Orderable.Meta):
        verbose_name = _("value mapping")
        verbose_name_plural = _("value mappings")
