"""Topics and audiences: rows with a stable code whose label is a translated choice.

Rows (not free text) so that lessons can point to several of them and search can facet
on them; labels from gettext so every language shows them without translation work.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lessons.taxonomy import AudienceCode, TopicCode


class CodedTerm(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    CHOICES: type[models.TextChoices]

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return str(dict(self.CHOICES.choices).get(self.code, self.code))

    @property
    def label(self) -> str:
        return str(self)


class Topic(CodedTerm):
    CHOICES = TopicCode

    class Meta(CodedTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Audience(CodedTerm):
    CHOICES = AudienceCode

    class Meta(CodedTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
