from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from charts.anonymise import DisplayMode
from charts.datasets import (
    DATASET_EXTENSIONS,
    MAX_DATASET_BYTES,
    DatasetError,
    frame_to_table,
    read_table,
    validate_dataset_size,
)


class Dataset(models.Model):
    """An uploaded CSV or XLSX table, parsed once on upload and kept as JSON."""

    title = models.CharField(_("title"), max_length=200)
    source_note = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the figures come from, shown under every chart."),
    )
    file = models.FileField(
        _("file"),
        upload_to="charts/datasets/",
        validators=[
            FileExtensionValidator(DATASET_EXTENSIONS),
            validate_dataset_size,
        ],
        help_text=_(
            "A CSV or Excel (.xlsx) file of at most 2 MB: the first column holds the "
            "categories (for example districts or months), the other columns numbers."
        ),
    )
    table = models.JSONField(_("parsed table"), default=dict, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        fresh_upload = self.file and not getattr(self.file, "_committed", True)
        extension = self.file.name.rsplit(".", 1)[-1].lower() if self.file else ""
        if (
            fresh_upload
            and extension in DATASET_EXTENSIONS
            and self.file.size <= MAX_DATASET_BYTES
        ):
            try:
                self.table = frame_to_table(read_table(self.file, self.file.name))
            except DatasetError as error:
                from django.core.exceptions import ValidationError

                raise ValidationError({"file": error.message}) from error


class ChartSnapshot(models.Model):
    """A chart's computed data, interactive figure and static image, stored when its
    page is published so that page views never compute anything.

    Keyed by the page's translation key (one cycle in every language), the block's
    id (kept by wagtail-localize across translations) and the language of the labels.
    ``data`` holds the full-detail data; what leaves the server is always passed
    through ``charts.anonymise.for_display`` with the stored display options.
    """

    translation_key = models.UUIDField(_("page translation key"), db_index=True)
    block_id = models.CharField(_("block id"), max_length=64)
    language = models.CharField(_("language"), max_length=12)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    chart_type = models.CharField(_("chart type"), max_length=20)
    title = models.CharField(_("title"), max_length=255)
    caption = models.TextField(_("caption"), blank=True)
    source_note = models.CharField(_("source note"), max_length=300, blank=True)
    data = models.JSONField(_("data"), default=dict)
    figure = models.JSONField(_("interactive figure"), default=dict, blank=True)
    image = models.FileField(_("static image"), upload_to="charts/images/", blank=True)
    share_image = models.FileField(
        _("image for shared links (PNG)"), upload_to="charts/share/", blank=True
    )
    display_mode = models.CharField(
        _("display of districts"),
        max_length=20,
        choices=DisplayMode.choices,
        default=DisplayMode.NAMES,
    )
    pseudonym_seed = models.CharField(_("pseudonym seed"), max_length=64, blank=True)
    district_universe = models.JSONField(_("districts of the cycle"), default=list)
    unavailable_reason = models.CharField(_("why no data"), max_length=300, blank=True)
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("chart snapshot")
        verbose_name_plural = _("chart snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "block_id", "language"],
                name="unique_chart_snapshot",
            )
        ]

    def __str__(self) -> str:
        return self.title
