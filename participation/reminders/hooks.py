"""The reminders log in the Wagtail admin: read-only, for facilitators and admins."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from cycles.models import CyclePage
from cycles.selectors import canonical_cycle
from districts.admin_access import FacilitatorsMayView
from districts.models import District
from districts.roles import is_facilitator
from participation.models import ReminderDelivery, ReminderKind

register_permission_policy(ReminderDelivery, FacilitatorsMayView(ReminderDelivery))


def _cycles_with_reminders(request):
    return CyclePage.objects.filter(
        pk__in=ReminderDelivery.objects.values("cycle_id")
    ).order_by("-pk")


def _districts_with_reminders(request):
    return District.objects.filter(
        pk__in=ReminderDelivery.objects.values("district_id")
    )


class ReminderDeliveryFilterSet(WagtailFilterSet):
    cycle = django_filters.ModelChoiceFilter(
        label=capfirst(_("cycle")), queryset=_cycles_with_reminders, widget=forms.Select
    )
    kind = django_filters.ChoiceFilter(
        label=capfirst(_("reminder")),
        choices=ReminderKind.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    district = django_filters.ModelChoiceFilter(
        label=capfirst(_("district")),
        queryset=_districts_with_reminders,
        widget=forms.Select,
    )
    sent_at = django_filters.DateFromToRangeFilter(
        label=capfirst(_("sent at")), widget=DateRangePickerWidget
    )

    class Meta:
        model = ReminderDelivery
        fields = ["cycle", "kind", "district", "sent_at"]


class ReminderDeliveryViewSet(ModelViewSet):
    model = ReminderDelivery
    name = "reminder_log"
    url_prefix = "reminder-log"
    icon = "mail"
    menu_label = _("Reminders sent")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    form_fields: list[str] = []  # no add or edit: the policy refuses both
    inspect_view_enabled = True
    inspect_view_fields = ["cycle", "kind", "user", "district", "email", "language"]
    inspect_view_fields += ["sent_at"]
    list_display = ["email", "district", "cycle", "kind", "language", "sent_at"]
    list_export = ["sent_at", "cycle", "kind", "district", "email", "language"]
    export_filename = "reminders-sent"
    filterset_class = ReminderDeliveryFilterSet
    search_fields = ["email", "user__first_name", "user__last_name", "district__name"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return ReminderDelivery.objects.select_related("cycle", "district", "user")


reminder_log_viewset = ReminderDeliveryViewSet()


@hooks.register("register_admin_viewset")
def register_reminder_log():
    return reminder_log_viewset


@hooks.register("register_page_header_buttons")
def reminders_header_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, CyclePage) and is_facilitator(user):
        source = canonical_cycle(page)
        yield Button(
            _("Reminders sent"),
            reverse("reminder_log:index") + f"?cycle={source.pk}",
            icon_name="mail",
            priority=50,
        )
