"""The facilitators' "Delivery problems" in the Wagtail admin: replies by e-mail that
were refused or bounced (with the text the member typed), e-mails the mail server
refused, translations the translator did not give. Read-only listing (a filter per
channel and on what is still open), an action column (post the reply for the
member, send the bounce again, mark handled: ``act``), and a dashboard panel with
the week's counts next to the SMS gateway's failures."""

from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from discussions import failure_actions, failures
from discussions.models import Channel, ChannelFailure
from districts.admin_access import FacilitatorsMayView
from districts.roles import is_facilitator
from portal.admin_columns import FormColumn
from sms.selectors import failed_since

register_permission_policy(ChannelFailure, FacilitatorsMayView(ChannelFailure))
PANEL_DAYS = 7


class ReasonColumn(Column):
    """The reason in words, the technical detail under it."""

    cell_template_name = "discussions/admin/_failure_reason_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["label"] = failures.reason_label(instance.reason)
        return context


class TextColumn(Column):
    """What the member typed (kept so nothing is lost) and the thread."""

    cell_template_name = "discussions/admin/_failure_text_cell.html"


class ActionColumn(FormColumn):
    cell_template_name = "discussions/admin/_failure_action_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["may_post"] = failure_actions.can_post(instance)
        context["may_resend"] = failure_actions.can_resend(instance)
        return context


class FailureFilterSet(WagtailFilterSet):
    channel = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("channel")),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        choices=[
            ("open", gettext_lazy("Not handled yet")),
            ("handled", gettext_lazy("Handled")),
        ],
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        method="filter_state",
    )

    def filter_state(self, queryset, name, value):
        return queryset.filter(resolved_at__isnull=value == "open")

    class Meta:
        model = ChannelFailure
        fields = ["channel"]


class FailureViewSet(ModelViewSet):
    model = ChannelFailure
    name = "delivery_problems"
    url_prefix = "delivery-problems"
    icon = "warning"
    menu_label = gettext_lazy("Delivery problems")
    menu_order = 262
    add_to_admin_menu = True
    copy_view_enabled = False
    form_fields: list[str] = []  # no add or edit: the policy refuses both
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "channel", "reason", "user", "sender"]
    inspect_view_fields += ["page", "parent_id", "subject", "text", "detail"]
    inspect_view_fields += ["bounced", "posted_comment", "resolved_at"]
    list_display = [
        "when",
        "channel",
        ReasonColumn("reason", label=capfirst(gettext_lazy("reason"))),
        "sender",
        TextColumn("text", label=gettext_lazy("Text and thread")),
        ActionColumn("action", label=gettext_lazy("Action")),
    ]
    list_export = ["created_at", "channel", "reason", "sender", "page", "subject"]
    list_export += ["text", "detail", "bounced", "resolved_at"]
    export_filename = "delivery-problems"
    filterset_class = FailureFilterSet
    search_fields = ["sender", "subject", "text", "detail"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return ChannelFailure.objects.select_related("user", "page")


failures_viewset = FailureViewSet()


@require_POST
def act(request, failure_id):
    """Post, resend or mark handled (facilitators only: see wagtail_hooks)."""
    failure = get_object_or_404(ChannelFailure, pk=failure_id)
    action = request.POST.get("action")
    try:
        if action == "post":
            comment = failure_actions.post_for_member(request.user, failure)
            messages.success(
                request, _("Posted as comment #%(id)s.") % {"id": comment.pk}
            )
        elif action == "resend":
            if failure_actions.resend_bounce(request.user, failure):
                messages.success(request, _("The member was e-mailed again."))
            else:
                messages.error(request, _("The e-mail could not be sent."))
        elif action == "handled":
            failure_actions.mark_handled(request.user, failure)
            messages.success(request, _("Marked as handled."))
        else:
            raise ValidationError(_("Choose an action."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse(failures_viewset.get_url_name("index")) + "?state=open")


class FailuresPanel(Component):
    """The dashboard's summary: what failed this week, per channel, with links."""

    name = "delivery_problems"
    order = 90
    template_name = "discussions/admin/failures_panel.html"

    def get_context_data(self, parent_context=None):
        since = timezone.now() - timedelta(days=PANEL_DAYS)
        counts = failures.recent_counts(since)
        index = reverse(failures_viewset.get_url_name("index"))
        rows = [
            {
                "label": label,
                "count": counts[channel],
                "url": f"{index}?channel={channel}&state=open",
            }
            for channel, label in Channel.choices
        ]
        rows.append(
            {
                "label": _("SMS"),
                "count": failed_since(since),
                "url": reverse("sms_log:index") + "?status=failed",
            }
        )
        return {
            "rows": rows,
            "days": PANEL_DAYS,
            "total": sum(r["count"] for r in rows),
        }


def add_panel(request, panels) -> None:
    if is_facilitator(request.user):
        panels.append(FailuresPanel())
