"""The reader's follow page: topics and countries as checkboxes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from districts.models import Country
from lessons.models import Topic


class FollowForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topics = sorted(Topic.objects.all(), key=lambda topic: topic.label)
        self.fields["topics"].choices = [(t.code, t.label) for t in topics]
        countries = sorted(Country.objects.all(), key=lambda c: c.localized_name)
        self.fields["countries"].choices = [
            (c.code, c.localized_name) for c in countries
        ]
