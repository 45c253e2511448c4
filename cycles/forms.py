"""The survey form, built by Wagtail's form builder from the cycle's questions.

Fields are keyed on each question's stable `name` (not Wagtail's per-locale
`clean_name`). Required flags and conditions are checked in `SurveyForm.clean` so
that a draft may be half filled and a hidden question is never required.
"""

import datetime as dt
from collections import OrderedDict

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from cycles.questionnaire import (
    KINDS_WITHOUT_ANSWER,
    SCALE_END_LABELS,
    SCALE_VALUES,
    condition_met,
    is_answered,
)
from portal.typography import number


class ScaleWidget(forms.RadioSelect):
    """The five options of a 1–5 scale in one row, with the words for its ends
    (`<id>_ends`, which describes each option: `SurveyForm.describe_groups`)."""

    template_name = "cycles/widgets/scale.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["end_labels"] = [str(label) for label in SCALE_END_LABELS]
        return context


class SurveyForm(BaseForm):
    questions: list = []
    refused_names: frozenset[str] = frozenset()

    def __init__(self, *args, enforce_required: bool = True, **kwargs):
        self.enforce_required = enforce_required
        super().__init__(*args, **kwargs)
        self.describe_groups()

    def full_clean(self):
        super().full_clean()
        self.describe_groups()

    def describe_groups(self):
        """Each input of a group of options (radios, boxes) is described by the
        question's help, a scale's end words and the question's error. Django does
        this for single inputs only; a group's inputs share their question's."""
        errors = self._errors or {}
        for name, field in self.fields.items():
            widget = field.widget
            if not widget.use_fieldset:
                continue
            auto_id = self[name].auto_id
            ids = [f"{auto_id}_helptext"] if field.help_text else []
            if isinstance(widget, ScaleWidget):
                ids.append(f"{auto_id}_ends")
            if name in errors:
                ids.append(f"{auto_id}_error")
            if ids:
                widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                widget.attrs.pop("aria-describedby", None)

    def clean(self):
        cleaned = super().clean()
        answers = self.answers_from(cleaned)
        for question in self.questions:
            if question.name in self.fields and not condition_met(question, answers):
                self.errors.pop(question.name, None)
                cleaned.pop(question.name, None)
        # Typed values the fields refused (not the empty required ones added below):
        # saving must keep the stored answer for these, never empty it.
        self.refused_names = frozenset(self.errors) - {NON_FIELD_ERRORS}
        for question in self.questions:
            if question.name not in self.fields or not condition_met(question, answers):
                continue
            if (
                self.enforce_required
                and question.required
                and question.name not in self.errors
                and not is_answered(answers.get(question.name))
            ):
                self.add_error(question.name, _("Please answer this question."))
        return cleaned

    def answers_from(self, cleaned: dict) -> dict:
        answers = {}
        for question in self.questions:
            if question.name not in self.fields:
                continue
            value = to_answer(cleaned.get(question.name))
            if is_answered(value):
                answers[question.name] = value
        return answers

    def answers(self) -> dict:
        """The valid answers, keyed on stable names, in the contract's types."""
        answers = self.answers_from(self.cleaned_data)
        return {
            question.name: answers[question.name]
            for question in self.questions
            if question.name in answers and condition_met(question, answers)
        }


def to_answer(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return value


def _limit_message(message, limit: float):
    """Django's own message, with the limit as a reader writes it ("0", not "0.0")."""
    return lazy(lambda: str(message) % {"limit_value": number(limit)}, str)()


def _limit_messages(min_value, max_value) -> dict:
    messages = {}
    if min_value is not None:
        messages["min_value"] = _limit_message(
            _("Ensure this value is greater than or equal to %(limit_value)s."),
            min_value,
        )
    if max_value is not None:
        messages["max_value"] = _limit_message(
            _("Ensure this value is less than or equal to %(limit_value)s."),
            max_value,
        )
    return messages


class SurveyFormBuilder(FormBuilder):
    """Wagtail's FormBuilder with one `create_<kind>_field` per question kind."""

    form_class = SurveyForm

    def create_text_field(self, field, options):
        return forms.CharField(max_length=1000, **options)

    def create_long_text_field(self, field, options):
        return forms.CharField(
            max_length=10000, widget=forms.Textarea(attrs={"rows": 4}), **options
        )

    def create_number_field(self, field, options):
        attrs = {"step": "any"}
        if field.min_value is not None:
            attrs["min"] = f"{field.min_value:g}"
        if field.max_value is not None:
            attrs["max"] = f"{field.max_value:g}"
        return forms.FloatField(
            min_value=field.min_value,
            max_value=field.max_value,
            widget=forms.NumberInput(attrs=attrs),
            error_messages=_limit_messages(field.min_value, field.max_value),
            **options,
        )

    def create_single_choice_field(self, field, options):
        return forms.ChoiceField(
            choices=self.question_choices(field), widget=forms.RadioSelect, **options
        )

    def create_multiple_choice_field(self, field, options):
        return forms.MultipleChoiceField(
            choices=self.question_choices(field),
            widget=forms.CheckboxSelectMultiple,
            **options,
        )

    def create_yes_no_field(self, field, options):
        return forms.ChoiceField(
            choices=self.question_choices(field), widget=forms.RadioSelect, **options
        )

    def create_date_field(self, field, options):
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **options,
        )

    def create_scale_field(self, field, options):
        return forms.TypedChoiceField(
            choices=[(value, str(value)) for value in SCALE_VALUES],
            coerce=int,
            empty_value=None,
            widget=ScaleWidget,
            **options,
        )

    @staticmethod
    def question_choices(field) -> list[tuple[str, str]]:
        return [(c.value, c.label) for c in field.as_question().choices]

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["required"] = False  # enforced by SurveyForm.clean (conditions)
        options["initial"] = None
        return options

    @property
    def formfields(self):
        formfields = OrderedDict()
        for field in self.fields:
            if field.field_type in KINDS_WITHOUT_ANSWER:
                continue
            create_field = self.get_create_field_function(field.field_type)
            formfields[field.as_question().name] = create_field(
                field, self.get_field_options(field)
            )
        return formfields

    def get_form_class(self):
        questions = [field.as_question() for field in self.fields]
        return type(
            "SurveyForm",
            (self.form_class,),
            {**self.formfields, "questions": questions},
        )
