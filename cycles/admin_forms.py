"""The cycle page's editor form: the questionnaire's stable names and conditions are
checked across all questions, so that a mistake is a message beside the field, never
an IntegrityError on publish or a question hidden for ever."""

from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from cycles.models.questions import name_from_label

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
            condition = form.cleaned_data.get("condition_name")
            if condition and condition not in names:
                form.add_error(
                    "condition_name",
                    _(
                        "No question of this questionnaire has the stable name "
                        "“%(name)s”: the question would stay hidden for ever."
                    )
                    % {"name": condition},
                )
        return cleaned
