"""The cycle page's editor form: the questionnaire's stable names and conditions are
checked across all questions, so that a mistake is a message beside the field, never
an IntegrityError on publish or a question hidden for ever."""

from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from cycles.models.questions import name_from_label, typed_choice_codes
from cycles.questionnaire import KINDS_WITH_CHOICES, SCALE_VALUES, QuestionKind

QUESTIONS = "questions"


class CyclePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get(QUESTIONS)
        for form in formset.forms if formset is not None else []:
            # An empty stable name is "make it from the label", not the value "":
            # Django's formset would otherwise call two empty names duplicates.
            form.fields["name"].empty_value = None

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get(QUESTIONS)
        if formset is None:
            return cleaned
        forms = [
            form
            for form in formset.forms
            if form.is_valid()
            and form.has_changed() | bool(form.instance.pk)
            and not form.cleaned_data.get(DELETION_FIELD_NAME)
        ]
        names: dict[str, list] = {}
        for form in forms:
            name = form.cleaned_data.get("name") or name_from_label(
                form.cleaned_data.get("label", "")
            )
            names.setdefault(name, []).append(form)
        for name, same in names.items():
            if len(same) > 1:
                for form in same:
                    form.add_error(
                        "name",
                        _(
                            "Two questions have the stable name “%(name)s”: give one "
                            "of them another stable name (or another label)."
                        )
                        % {"name": name},
                    )
        for form in forms:
            self._check_condition(form, names)
        return cleaned

    @staticmethod
    def _check_condition(form, names: dict[str, list]) -> None:
        """A condition names another question and one of the answers it offers;
        anything else would hide the question for ever."""
        condition = form.cleaned_data.get("condition_name")
        if not condition:
            return
        others = [other for other in names.get(condition, []) if other is not form]
        if not others:
            form.add_error(
                "condition_name",
                _(
                    "No other question of this questionnaire has the stable name "
                    "“%(name)s”: the question would stay hidden for ever."
                )
                % {"name": condition},
            )
            return
        offered = _answers_offered(others[0].cleaned_data)
        value = form.cleaned_data.get("condition_value", "")
        if offered is not None and value not in offered:
            form.add_error(
                "condition_value",
                _(
                    "“%(value)s” is not an answer of “%(name)s”; use one of: "
                    "%(offered)s. Otherwise the question would stay hidden for ever."
                )
                % {"value": value, "name": condition, "offered": ", ".join(offered)},
            )


def _answers_offered(question: dict) -> list[str] | None:
    """The codes a question's answer can take, or None when any value may do."""
    kind = question.get("field_type")
    if kind == QuestionKind.YES_NO:
        return ["yes", "no"]
    if kind in KINDS_WITH_CHOICES:
        return typed_choice_codes(
            question.get("choices", ""), question.get("choice_values", "")
        )
    if kind == QuestionKind.SCALE:
        return [str(value) for value in SCALE_VALUES]
    return None
