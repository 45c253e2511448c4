"""A questionnaire question: a Wagtail form-builder field with a stable name.

Wagtail's `clean_name` follows the label per locale (STACK.md gotcha 14), so answers
are keyed on `name` instead: untranslated, synchronised across translations.
"""

import copy
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cycles.questionnaire import (
    KINDS_WITH_CHOICES,
    QUESTION_KIND_CHOICES,
    Choice,
    Question,
    QuestionKind,
)
from portal.translations import is_source, source_page

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def split_lines(text: str) -> list[str]:
    """One item per line, blank lines dropped (choices and their codes are stored so:
    wagtail-localize offers the choices as one segment, lines joined by <br/>)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def comma_list(text: str) -> list[str]:
    """The short form typed in the editor, as in Wagtail: "Oui, Non, Parfois"."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def typed_choice_lines(labels_text: str, codes_text: str) -> list[str]:
    """The choices as typed in the editor: one per line, or "A, B, C" on a single
    line when no codes are given (a single line with codes is one label, commas and
    all)."""
    lines = split_lines(labels_text)
    if len(lines) == 1 and len(split_lines(codes_text)) != 1:
        return comma_list(lines[0])
    return lines


def typed_choice_codes(labels_text: str, codes_text: str) -> list[str]:
    """The codes the editor will store: as typed, or made from the labels."""
    return split_lines(codes_text) or [
        name_from_label(label) for label in typed_choice_lines(labels_text, codes_text)
    ]


def paired_choices(labels_text: str, codes_text: str) -> list[tuple[str, str]]:
    """(code, label) pairs, or codes alone: a label is never paired with another
    choice's code. When the counts differ (a translation that lost or gained a line,
    an old comma-separated row), the code stands for its label."""
    labels = split_lines(labels_text)
    codes = split_lines(codes_text) or [name_from_label(label) for label in labels]
    if len(labels) != len(codes) and len(labels) == 1:
        labels = comma_list(labels[0])
    if len(labels) != len(codes):
        labels = codes
    return list(zip(codes, labels, strict=True))


def name_from_label(label: str) -> str:
    name = slugify(label).replace("-", "_")[:60] or "question"
    return name if name[0].isalpha() else f"q_{name}"


class SurveyQuestion(TranslatableMixin, AbstractFormField):
    page = ParentalKey(
        "cycles.CyclePage",
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("cycle"),
    )
    name = models.CharField(
        _("stable name"),
        max_length=64,
        blank=True,
        help_text=_(
            "Never translated and the same in every language; answers are stored "
            "under it. Left empty, it is made from the label."
        ),
    )
    field_type = models.CharField(
        _("kind of question"), max_length=16, choices=QUESTION_KIND_CHOICES
    )
    field_type.required_on_save = True
    required = models.BooleanField(_("required"), default=False)
    label = models.CharField(_("label"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("One choice per line, in the page's language."),
    )
    choice_values = models.TextField(
        _("choice codes"),
        blank=True,
        help_text=_(
            "One stable code per line, in the same order as the choices. Left empty, "
            "they are made from the choices."
        ),
    )
    min_value = models.FloatField(_("minimum"), null=True, blank=True)
    max_value = models.FloatField(_("maximum"), null=True, blank=True)
    condition_name = models.CharField(
        _("show only if question"),
        max_length=64,
        blank=True,
        help_text=_("Stable name of an earlier question."),
    )
    condition_value = models.CharField(
        _("has the answer"),
        max_length=100,
        blank=True,
        help_text=_("A choice code, yes or no, or a number."),
    )

    panels = [
        FieldRowPanel([FieldPanel("field_type"), FieldPanel("required")]),
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("choices"), FieldPanel("choice_values")]),
        FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")]),
        MultiFieldPanel(
            [FieldPanel("condition_name"), FieldPanel("condition_value")],
            heading=_("Condition"),
        ),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "name"], name="cycles_question_unique_name_per_page"
            )
        ]

    def __str__(self) -> str:
        return self.label

    # Texts are translated; the structure is the source's (synchronised, and read
    # from the source page by every translation: `questionnaire_rows`).
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "name",
                "field_type",
                "required",
                "choice_values",
                "min_value",
                "max_value",
                "condition_name",
                "condition_value",
                "clean_name",
            )
        ),
    ]

    def get_field_clean_name(self) -> str:
        """Wagtail's own field name follows the stable name (a label slug could pass
        `clean_name`'s 255 characters and differ per language)."""
        return self.name or name_from_label(self.label)

    def clean(self):
        super().clean()
        if not self.name:
            self.name = name_from_label(self.label)
        if not NAME_PATTERN.match(self.name):
            raise ValidationError(
                {
                    "name": _(
                        "Use lower-case letters, digits and underscores, starting "
                        "with a letter."
                    )
                }
            )
        if self.field_type in KINDS_WITH_CHOICES and not split_lines(self.choices):
            raise ValidationError({"choices": _("Give at least one choice.")})
        values = split_lines(self.choice_values)
        if values and len(values) != len(self._choice_lines()):
            raise ValidationError(
                {"choice_values": _("Give one code per choice, in the same order.")}
            )
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValidationError(
                {"max_value": _("The maximum must not be below the minimum.")}
            )

    def _choice_lines(self) -> list[str]:
        return typed_choice_lines(self.choices, self.choice_values)

    def save(self, *args, **kwargs):
        if not self.name:
            self.name = name_from_label(self.label)
        if self.field_type in KINDS_WITH_CHOICES:
            codes = typed_choice_codes(self.choices, self.choice_values)
            self.choices = "\n".join(self._choice_lines())
            self.choice_values = "\n".join(codes)
        super().save(*args, **kwargs)

    def as_question(self) -> Question:
        """The contract's view of this question, labels in this row's language."""
        choices: tuple[Choice, ...] = ()
        if self.field_type in KINDS_WITH_CHOICES:
            choices = tuple(
                Choice(value, label)
                for value, label in paired_choices(self.choices, self.choice_values)
            )
        elif self.field_type == QuestionKind.YES_NO:
            choices = (Choice("yes", str(_("Yes"))), Choice("no", str(_("No"))))
        return Question(
            name=self.name or name_from_label(self.label),
            kind=self.field_type,
            label=self.label,
            help_text=self.help_text,
            required=self.required,
            choices=choices,
            min_value=self.min_value,
            max_value=self.max_value,
            condition_name=self.condition_name,
            condition_value=self.condition_value,
        )


def questionnaire_rows(page) -> list[SurveyQuestion]:
    """The questions a page's form shows: the source page's questionnaire (names,
    kinds, codes, conditions, required flags, order), with this page's texts.

    A question the translation does not have yet (added on the source and not synced)
    keeps the source's wording rather than vanishing from the form; so do choice
    labels whose count no longer matches the source's codes."""
    source = source_page(page) if not is_source(page) else page
    rows = list(source.questions.all())
    if source is page or source.pk == page.pk:
        return rows
    texts = {row.translation_key: row for row in page.questions.all()}
    shown = []
    for row in rows:
        text = texts.get(row.translation_key)
        if text is not None:
            row = copy.copy(row)
            row.label = text.label or row.label
            row.help_text = text.help_text or row.help_text
            if len(split_lines(text.choices)) == len(split_lines(row.choices)):
                row.choices = text.choices
        shown.append(row)
    return shown
