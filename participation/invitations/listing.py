"""The facilitators' invitation list: a Wagtail ``IndexView`` with its filters
(district, status), its search (name or e-mail) and its columns."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets import HeaderButton

from districts.admin_access import FacilitatorsMayView
from districts.models import District
from participation.invitations.selectors import InvitationStatus, invitations
from participation.models import Invitation
from portal.admin_columns import FormColumn
from portal.times import datetime_with_zone


def _district_label(district) -> str:
    return f"{district.country} — {district.name} ({district.code})"


class InvitationFilterSet(WagtailFilterSet):
    district = django_filters.ModelChoiceFilter(
        label=_("District"),
        queryset=District.objects.select_related("country"),
        empty_label=_("All districts"),
        widget=forms.Select,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=InvitationStatus.choices,
        empty_label=_("All statuses"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Invitation
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["district"].label_from_instance = _district_label


class MomentColumn(Column):
    """A date and time in the portal's zone, as the rest of the admin shows them."""

    def get_value(self, instance):
        moment = super().get_value(instance)
        return datetime_with_zone(moment) if moment else "—"


class StatusColumn(Column):
    cell_template_name = "participation/admin/_status_cell.html"

    def get_value(self, instance):
        return InvitationStatus(instance.status).label


class ResendColumn(FormColumn):
    cell_template_name = "participation/admin/_resend_cell.html"

    def get_value(self, instance):
        if instance.status == InvitationStatus.ACCEPTED:
            return None
        return reverse("participation_resend", args=[instance.pk])


class InvitationIndexView(IndexView):
    model = Invitation
    permission_policy = FacilitatorsMayView(Invitation)
    any_permission_required = ["view"]
    page_title = _("Invitations")
    header_icon = "mail"
    index_url_name = "participation_invitations"
    index_results_url_name = "participation_invitations_results"
    filterset_class = InvitationFilterSet
    search_fields = ["name", "email"]
    search_backend_name = None
    paginate_by = 50
    columns = [
        Column("name", label=_("Name")),
        Column("email", label=_("E-mail")),
        Column("district", label=_("District"), accessor="district.name"),
        Column("language", label=_("Language"), accessor="get_language_display"),
        MomentColumn("created_at", label=_("Invited at")),
        MomentColumn("sent_at", label=_("Last sent")),
        StatusColumn("status", label=_("Status")),
        ResendColumn("resend", label=_("Actions")),
    ]

    def get_base_queryset(self):
        return invitations()

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Invite a member"),
                url=reverse("participation_invite"),
                icon_name="plus",
                priority=10,
            ),
            HeaderButton(
                _("Import a CSV file"),
                url=reverse("participation_import"),
                icon_name="upload",
                priority=20,
            ),
        ]

    @property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return super().no_results_message
        return _("No invitation yet.")
