"""The team's form: up to three commitments, and the check-ins that have come due."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from followup.document import (
    CHECKIN_FIELDS,
    COMMITMENT_FIELDS,
    SLOTS,
    checkin_field_name,
    field_name,
)
from followup.models import Status, Visibility

TEXT_LIMIT = 2000


class CommitmentsForm(forms.Form):
    """Fields named as the document's (``followup.document``); every one optional,
    a commitment needs only its "what will change"."""

    def __init__(
        self,
        *args,
        checkins: int = 0,
        indicators=(),
        lessons=(),
        default_visibility: str = Visibility.PSEUDONYM,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.checkins = checkins
        self.missing_what: set[str] = set()
        for slot in SLOTS:
            self._commitment_fields(slot, indicators, lessons, default_visibility)
            for number in range(1, checkins + 1):
                self._checkin_fields(slot, number)

    def _commitment_fields(self, slot, indicators, lessons, default_visibility):
        name = lambda n: field_name(slot, n)  # noqa: E731
        self.fields[name("what")] = forms.CharField(
            label=_("What will change"),
            max_length=TEXT_LIMIT,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
        self.fields[name("lead")] = forms.CharField(
            label=_("Who leads"), max_length=200, required=False
        )
        self.fields[name("by_when")] = forms.DateField(
            label=_("By when"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}),
        )
        self.fields[name("measure")] = forms.CharField(
            label=_("How we will know (in our own words)"),
            max_length=TEXT_LIMIT,
            required=False,
        )
        self.fields[name("indicator")] = forms.ChoiceField(
            label=_("…or a DHIS2 indicator of our district"),
            choices=[("", _("None"))] + list(indicators),
            required=False,
        )
        self.fields[name("lesson")] = forms.ChoiceField(
            label=_("We adopt this lesson of the library"),
            choices=[("", pgettext_lazy("no lesson", "None"))] + list(lessons),
            required=False,
        )
        self.fields[name("visibility")] = forms.ChoiceField(
            label=_("Who sees it"),
            choices=Visibility.choices,
            initial=default_visibility,
            required=False,
        )

    def _checkin_fields(self, slot, number):
        name = lambda n: checkin_field_name(slot, number, n)  # noqa: E731
        self.fields[name("status")] = forms.ChoiceField(
            label=_("Status"),
            choices=[("", _("Not reported yet"))] + list(Status.choices),
            required=False,
        )
        self.fields[name("happened")] = forms.CharField(
            label=_("What happened"),
            max_length=TEXT_LIMIT,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
        self.fields[name("obstacles")] = forms.CharField(
            label=_("What got in the way"),
            max_length=TEXT_LIMIT,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )

    def clean(self):
        cleaned = super().clean()
        self.missing_what = set()
        for slot in SLOTS:
            others = [n for n in COMMITMENT_FIELDS if n not in ("what", "visibility")]
            filled = any(cleaned.get(field_name(slot, n)) for n in others)
            for number in range(1, self.checkins + 1):
                filled = filled or any(
                    cleaned.get(checkin_field_name(slot, number, n))
                    for n in CHECKIN_FIELDS
                )
            if filled and not cleaned.get(field_name(slot, "what")):
                self.missing_what.add(field_name(slot, "what"))
                self.add_error(
                    field_name(slot, "what"),
                    _("Say what will change, or empty this commitment's other fields."),
                )
        return cleaned

    def document(self) -> dict[str, str]:
        """The cleaned values as the document's strings ("" for empty)."""
        values = {}
        for name, value in self.cleaned_data.items():
            if value is None:
                value = ""
            values[name] = value.isoformat() if hasattr(value, "isoformat") else value
            values[name] = str(values[name]).strip()
        return values

    def label_of(self, name: str) -> str:
        """A field's label with its commitment (and check-in): the three
        commitments' fields have the same labels."""
        slot, checkin = re.match(r"c(\d+)_(?:k(\d+)_)?", name).groups()
        where = _("Commitment %(number)s") % {"number": slot}
        if checkin:
            where += ", " + _("Check-in %(number)s") % {"number": checkin}
        return f"{where} — {self.fields[name].label}"

    def refused_names(self, base: dict) -> set[str]:
        """The fields whose typed value the form refused (too long, not a date, not
        one of the choices), and a "what will change" the member emptied (`base`,
        the document the page started from, had one) while the commitment's other
        fields are filled: an autosaved draft keeps their stored value, so a
        commitment being retyped never disappears with its check-ins. A "what" that
        was empty already is not refused: the other fields' text is saved (and a
        teammate's "what", saved meanwhile, merged in)."""
        never_had = {name for name in self.missing_what if not base.get(name)}
        return set(self.errors) - {"__all__"} - never_had

    def slots(self):
        """The fields grouped for the template: one entry per commitment."""
        groups = []
        for slot in SLOTS:
            main = [self[field_name(slot, n)] for n in COMMITMENT_FIELDS]
            checkins = [
                (
                    number,
                    [self[checkin_field_name(slot, number, n)] for n in CHECKIN_FIELDS],
                )
                for number in range(1, self.checkins + 1)
            ]
            groups.append({"slot": slot, "fields": main, "checkins": checkins})
        return groups
