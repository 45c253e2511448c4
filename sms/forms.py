from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sms.phones import to_e164
from sms.selectors import member_region, subscription_of


class SmsSettingsForm(forms.Form):
    """The SMS part of a member's reminder settings; the number is read as one of
    their district's country and stored in E.164."""

    prefix = "sms"
    sms_reminders = forms.BooleanField(
        label=_("Text me reminders by SMS"),
        required=False,
        help_text=_("One short SMS with a link. Answer STOP to an SMS to stop them."),
    )
    phone = forms.CharField(
        label=_("Mobile number"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region, self.country_name = member_region(user) if user else (None, "")
        subscription = subscription_of(user) if user else None
        #: The member answered STOP: the page says how to get SMS again.
        self.stopped_by_sms = bool(subscription and subscription.stopped_by_sms)
        if self.region:
            help_text = _(
                "Without the country code, it is read as a number of %(country)s."
            ) % {"country": self.country_name}
        else:
            help_text = _(
                "With + and the country code, for example +229 01 97 00 00 00."
            )
        self.fields["phone"].help_text = help_text

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        return to_e164(raw, self.region, self.country_name)

    def clean(self):
        data = super().clean()
        if data.get("sms_reminders") and not data.get("phone") and not self.errors:
            raise ValidationError(
                {"phone": _("Enter your mobile number to get reminders by SMS.")}
            )
        return data
