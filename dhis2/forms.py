from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

SECRET_FIELDS = ("token", "password")


class Dhis2SettingsForm(WagtailAdminModelForm):
    """The token and password are write-only: never sent back to the browser, and a
    blank field keeps the stored value."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SECRET_FIELDS:
            if name not in self.fields:
                continue
            field = self.fields[name]
            field.widget = forms.PasswordInput(
                render_value=False, attrs={"autocomplete": "new-password"}
            )
            field.required = False
            if getattr(self.instance, name, ""):
                field.help_text = _("A value is stored. Leave blank to keep it.")
            else:
                field.help_text = _("Nothing stored yet.")
            self.initial[name] = ""

    def _keep_if_blank(self, name: str) -> str:
        value = self.cleaned_data.get(name) or ""
        return value or getattr(self.instance, name, "") or ""

    def clean_token(self):
        return self._keep_if_blank("token")

    def clean_password(self):
        return self._keep_if_blank("password")
