"""Machine translations of comments and syntheses, kept so each is asked for once."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.models import Page


class MachineTranslation(models.Model):
    """One comment's (or one page's synthesis') text in one language, as the
    configured machine translator gave it. ``source_digest`` is the hash of the text
    translated: once the comment is edited, the row no longer matches and is redone."""

    comment = models.ForeignKey(
        XtdComment,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("comment"),
    )
    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page (synthesis)"),
    )
    language = models.CharField(_("language"), max_length=8)
    source_digest = models.CharField(_("digest of the original"), max_length=64)
    html = models.TextField(_("translated text"))
    translator = models.CharField(_("translator"), max_length=100)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "language"],
                condition=Q(comment__isnull=False),
                name="one_translation_per_comment_and_language",
            ),
            models.UniqueConstraint(
                fields=["page", "language"],
                condition=Q(page__isnull=False),
                name="one_translation_per_synthesis_and_language",
            ),
            models.CheckConstraint(
                condition=Q(comment__isnull=False, page__isnull=True)
                | Q(comment__isnull=True, page__isnull=False),
                name="translation_of_a_comment_or_a_synthesis",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.comment_id or self.page_id} → {self.language}"
