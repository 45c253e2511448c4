"""The moderators' queue: a Wagtail ``IndexView`` of the reported comments, or of those
hidden or removed (``?show=hidden``), 50 to a page, each with its decision form. The
decisions themselves are posted to ``admin_views.act``."""

from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView

from discussions.selectors import comment_location, moderated_comments, moderation_queue
from districts.admin_access import FacilitatorsMayView
from portal.admin_columns import FormColumn


def showing_hidden(request) -> bool:
    return request.GET.get("show") == "hidden"


class CommentColumn(Column):
    """Author, date, status, the page it is on (linked when live) and the text."""

    cell_template_name = "discussions/admin/_comment_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["page_title"], context["page_link"] = comment_location(
            instance, parent_context.get("request")
        )
        return context


class ReportsColumn(Column):
    """The open reports; on the hidden list, the reason the author was told."""

    cell_template_name = "discussions/admin/_reports_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["showing_hidden"] = showing_hidden(parent_context["request"])
        return context


class DecisionColumn(FormColumn, ReportsColumn):
    """Approve, hide or remove (with the reason told to the author), or restore."""

    cell_template_name = "discussions/admin/_decision_cell.html"


class ModerationIndexView(IndexView):
    model = XtdComment
    permission_policy = FacilitatorsMayView(XtdComment)
    any_permission_required = ["view"]
    page_title = _("Moderation")
    header_icon = "warning"
    index_url_name = "discussions_moderation"
    template_name = "discussions/admin/queue.html"
    paginate_by = 50

    @property
    def columns(self):
        reports = (
            _("Reason told to the author")
            if showing_hidden(self.request)
            else _("Reports")
        )
        return [
            CommentColumn("comment", label=_("Comment")),
            ReportsColumn("reports", label=reports),
            DecisionColumn("decision", label=_("Decision")),
        ]

    def get_base_queryset(self):
        if showing_hidden(self.request):
            return moderated_comments()
        return moderation_queue()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            showing_hidden=showing_hidden(self.request),
            reported_count=moderation_queue().count(),
            hidden_count=moderated_comments().count(),
        )
        return context

    @property
    def no_results_message(self):
        return _("Nothing to review.")
