from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ReminderSettingsForm(forms.Form):
    reminders = forms.BooleanField(
        label=_("E-mail me reminders about learning cycles"),
        required=False,
        help_text=_(
            "When a questionnaire opens, a few days before it closes and on its last "
            "day (only while your district has not submitted), and when a "
            "discussion opens."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of my e-mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
