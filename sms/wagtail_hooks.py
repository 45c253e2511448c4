"""The SMS log in the Wagtail admin: read-only, for facilitators and admins, failures
first to the eye (a filter on the status, the gateway's error in the listing)."""

import django_filters
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from districts.admin_access import FacilitatorsMayView
from sms.models import SmsMessage, SmsStatus

register_permission_policy(SmsMessage, FacilitatorsMayView(SmsMessage))

FLAGS = {
    SmsStatus.SENT: "w-status w-status--primary",
    SmsStatus.FAILED: "w-status w-status--label sms-failed",
    SmsStatus.RETRY: "w-status w-status--label",
}


class StatusColumn(Column):
    cell_template_name = "sms/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.get_status_display()
        context["failed"] = instance.status == SmsStatus.FAILED
        context["flag"] = FLAGS.get(instance.status, "w-status")
        context["error"] = instance.error
        return context


class SmsMessageFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")),
        choices=SmsStatus.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )

    class Meta:
        model = SmsMessage
        fields = ["status"]


class SmsMessageViewSet(ModelViewSet):
    model = SmsMessage
    name = "sms_log"
    url_prefix = "sms-log"
    icon = "mobile-alt"
    menu_label = _("SMS sent")
    menu_order = 261
    add_to_admin_menu = True
    copy_view_enabled = False
    form_fields: list[str] = []  # no add or edit: the policy refuses both
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "sent_at", "user", "phone", "kind", "language"]
    inspect_view_fields += ["text", "backend", "status", "attempts", "next_attempt_at"]
    inspect_view_fields += ["gateway_id", "gateway_status", "response", "error", "key"]
    list_display = [
        "phone",
        "user",
        "kind",
        "language",
        StatusColumn("status", label=capfirst(_("status"))),
        "attempts",
        "created_at",
    ]
    list_export = ["created_at", "sent_at", "phone", "kind", "language", "status"]
    list_export += ["attempts", "gateway_id", "error"]
    export_filename = "sms-sent"
    filterset_class = SmsMessageFilterSet
    search_fields = ["phone", "user__first_name", "user__last_name", "user__email"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return SmsMessage.objects.select_related("user")


sms_log_viewset = SmsMessageViewSet()


@hooks.register("register_admin_viewset")
def register_sms_log():
    return sms_log_viewset
