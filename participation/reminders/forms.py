from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from districts.zone_names import offered_zones


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
    time_zone = forms.ChoiceField(
        label=_("My time zone"),
        required=False,
        widget=forms.Select(attrs={"aria-describedby": "id_time_zone-help"}),
        help_text=_(
            "Times on the portal and in your e-mails are shown in this zone; "
            "by default, your country's."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [
            ("", _("My country's time zone")),
            *((name, name.replace("_", " ")) for name in offered_zones()),
        ]
