"""Follow-up in the Wagtail admin: the tracker (read-only, with CSV/XLSX) and the
check-in schedule of each cycle (facilitators edit it)."""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from cycles.models import CyclePage
from cycles.selectors import canonical_cycle
from districts.admin_access import FacilitatorsMayView, facilitators_only
from districts.models import Country
from districts.roles import is_facilitator
from followup.admin_views import tracker_export
from followup.document import parse_months
from followup.models import Commitment, FollowUpSchedule, Status
from followup.tracker import OverdueCounter

register_permission_policy(Commitment, FacilitatorsMayView(Commitment))


class FacilitatorsMayEdit(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return is_facilitator(user)


register_permission_policy(FollowUpSchedule, FacilitatorsMayEdit(FollowUpSchedule))


class CommitmentFilterSet(WagtailFilterSet):
    cycle = django_filters.ModelChoiceFilter(
        label=capfirst(_("cycle")),
        queryset=lambda request: CyclePage.objects.filter(
            pk__in=Commitment.objects.values("cycle_id")
        ),
        widget=forms.Select,
    )
    district__country = django_filters.ModelChoiceFilter(
        label=capfirst(_("country")), queryset=Country.objects.all()
    )
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")), choices=Status.choices, empty_label=_("All")
    )

    class Meta:
        model = Commitment
        fields = ["cycle", "district__country", "status"]


class OverdueColumn(Column):
    """Check-ins due and not reported (one schedule look-up per cycle)."""

    def get_value(self, instance):
        counter = self.__dict__.setdefault("_counter", OverdueCounter())
        return counter.overdue(instance)


class TrackerIndexView(IndexView):
    """The listing, with its download under the same cycle and country filters."""

    @cached_property
    def header_buttons(self):
        query = urlencode(
            {
                name: self.request.GET[name]
                for name in ("cycle", "district__country")
                if self.request.GET.get(name)
            }
        )
        return [
            HeaderButton(
                label,
                url=reverse("followup_tracker_export", args=[file_format])
                + (f"?{query}" if query else ""),
                icon_name="download",
            )
            for file_format, label in (
                ("csv", _("Download CSV")),
                ("xlsx", _("Download XLSX")),
            )
        ]


class CommitmentViewSet(ModelViewSet):
    index_view_class = TrackerIndexView
    model = Commitment
    name = "followup_tracker"
    url_prefix = "followup/commitments"
    icon = "tasks"
    menu_label = _("Commitments")
    copy_view_enabled = False
    form_fields: list[str] = []
    inspect_view_enabled = True
    list_display = [
        "district",
        "what",
        "cycle",
        "status",
        OverdueColumn("overdue", label=_("Overdue check-ins")),
        "by_when",
        "visibility",
    ]
    filterset_class = CommitmentFilterSet
    search_fields = ["what", "lead", "district__name"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return Commitment.objects.select_related(
            "cycle", "district__country"
        ).prefetch_related("checkins")


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = FollowUpSchedule
        fields = ["cycle", "months"]

    def clean_cycle(self):
        return canonical_cycle(self.cleaned_data["cycle"])  # read from the source

    def clean_months(self):
        try:
            months = parse_months(self.cleaned_data["months"])
        except ValueError:
            raise forms.ValidationError(
                _("Give whole months from 0 to 60, separated by commas (six at most).")
            ) from None
        if not months:
            raise forms.ValidationError(_("Give at least one month."))
        return ",".join(str(m) for m in months)


class ScheduleViewSet(ModelViewSet):
    model = FollowUpSchedule
    name = "followup_schedules"
    url_prefix = "followup/schedules"
    icon = "date"
    menu_label = _("Check-in dates")
    copy_view_enabled = False
    list_display = ["cycle", "months"]

    def get_form_class(self, for_update=False):
        return ScheduleForm


class FollowUpGroup(ModelViewSetGroup):
    menu_label = _("Follow-up")
    menu_icon = "tasks"
    menu_order = 265
    items = (CommitmentViewSet, ScheduleViewSet)


@hooks.register("register_admin_viewset")
def register_followup():
    return FollowUpGroup()


@hooks.register("register_admin_urls")
def followup_urls():
    return facilitators_only(
        [
            path(
                "followup/export/<str:file_format>/",
                tracker_export,
                name="followup_tracker_export",
            )
        ]
    )


@hooks.register("register_page_header_buttons")
def followup_header_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, CyclePage) and is_facilitator(user):
        source = canonical_cycle(page)
        yield Button(
            _("Commitments"),
            reverse("followup_tracker:index") + f"?cycle={source.pk}",
            icon_name="tasks",
            priority=55,
        )
