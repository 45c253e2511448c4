"""Forms of the facilitators' invitation screens."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from districts.models import District
from participation.invitations.csv_file import MAX_BYTES
from participation.invitations.services import account_problem, normalise_email


class DistrictChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, district):
        return f"{district.country} — {district.name} ({district.code})"


def _districts():
    return District.objects.select_related("country")


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    district = DistrictChoiceField(label=_("District"), queryset=_districts())
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=settings.LANGUAGES,
        initial="fr",
    )

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        problem = account_problem(email)
        if problem:
            raise forms.ValidationError(problem)
        return email


class InvitationImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: name, email, district (its code), language (fr or en). "
            "1 MB and 2,000 members at most."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 1 MB. Split it into smaller files.")
            )
        return upload
