from django.db import models
from django.utils.translation import gettext_lazy as _


class LessonBrief(models.Model):
    """The PDF brief of one lesson page (one language), for one published revision."""

    page = models.OneToOneField(
        "lessons.LessonPage",
        on_delete=models.CASCADE,
        related_name="brief",
        verbose_name=_("lesson"),
    )
    revision_id = models.PositiveIntegerField(_("revision"))
    file = models.FileField(_("file"), upload_to="lessons/briefs/")
    generated_at = models.DateTimeField(_("generated at"), auto_now=True)

    class Meta:
        verbose_name = _("PDF brief")
        verbose_name_plural = _("PDF briefs")

    def __str__(self) -> str:
        return self.file.name
