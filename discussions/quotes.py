"""Quoting a comment of a page's thread in its synthesis (issue 16).

The facilitator picks a comment in a chooser that lists the published comments of
the thread of the page being edited (the editor's `CommentQuotesPanel` gives the
chooser that thread's id); the block stores the comment's id only, so a translation
of the page quotes the same comment, and the author is named when the page is read,
by the thread's attribution rule: a comment hidden or removed later disappears from
the synthesis, and a change of rule applies at once.
"""

from django.template.defaultfilters import truncatechars
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks import ChooserBlock

from discussions.models import CommentDetails
from discussions.pages import thread_page_id
from discussions.selectors import quotable_comments, quotation
from districts.roles import require_facilitator

THREAD_PARAMETER = "thread"
THREAD_INPUT_ID = "id_quote_thread"


def comment_excerpt(details: CommentDetails) -> str:
    return truncatechars(strip_tags(details.body_html).strip(), 90)


def _author_for_facilitators(details: CommentDetails) -> str:
    user = details.comment.user
    name = user.get_full_name() or user.get_username() if user else ""
    district = details.district.name if details.district else ""
    return " · ".join(part for part in (name, district) if part)


class _FacilitatorsOnly:
    def dispatch(self, request, *args, **kwargs):
        require_facilitator(request.user)
        return super().dispatch(request, *args, **kwargs)


class _ThreadComments(_FacilitatorsOnly):
    """The chooser's list: the published comments of the thread in the URL only."""

    def get_object_list(self):
        return quotable_comments(self.request.GET.get(THREAD_PARAMETER))

    @property
    def columns(self):
        return [
            TitleColumn(
                "comment",
                label=_("Comment"),
                accessor=comment_excerpt,
                get_url=lambda obj: self.append_preserved_url_parameters(
                    self.get_chosen_url(obj)
                ),
                link_attrs={"data-chooser-modal-choice": True},
            ),
            Column("author", label=_("Author"), accessor=_author_for_facilitators),
            DateColumn("submitted", label=_("Posted"), accessor="comment.submit_date"),
        ]

    def get_chosen_url(self, obj):
        from django.urls import reverse

        return reverse(self.chosen_url_name, args=(obj.pk,))


class ChooseCommentView(_ThreadComments, chooser_views.ChooseView):
    pass


class ChooseCommentResultsView(_ThreadComments, chooser_views.ChooseResultsView):
    pass


class ChosenCommentView(_FacilitatorsOnly, chooser_views.ChosenView):
    def get_display_title(self, instance):
        return comment_excerpt(instance)


class CommentChooserWidget(BaseChooser):
    def get_display_title(self, instance):
        return comment_excerpt(instance)


class CommentChooserViewSet(ChooserViewSet):
    model = CommentDetails
    icon = "openquote"
    choose_one_text = _("Choose a comment")
    choose_another_text = _("Choose another comment")
    page_title = _("Comments of this thread")
    choose_view_class = ChooseCommentView
    choose_results_view_class = ChooseCommentResultsView
    chosen_view_class = ChosenCommentView
    base_widget_class = CommentChooserWidget
    preserve_url_parameters = ["multiple", THREAD_PARAMETER]
    register_widget = False


comment_chooser_viewset = CommentChooserViewSet("comment_chooser")


class CommentQuoteBlock(ChooserBlock):
    """A quotation of one comment of the page's thread, attributed when read."""

    @cached_property
    def target_model(self):
        return CommentDetails

    @cached_property
    def widget(self):
        return comment_chooser_viewset.widget_class(
            linked_fields={THREAD_PARAMETER: f"#{THREAD_INPUT_ID}"}
        )

    def get_form_state(self, value):
        return self.widget.get_value_data(value)

    def bulk_to_python(self, values):
        found = CommentDetails.objects.select_related(
            "comment__user", "district__country"
        ).in_bulk(values)
        return [found.get(value) for value in values]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        context["quotation"] = quotation(value, page) if page is not None else None
        return context

    class Meta:
        icon = "openquote"
        label = _("Quotation of a comment")
        template = "discussions/blocks/comment_quote.html"


class CommentQuotesPanel(FieldPanel):
    """The field's panel, with the id of the edited page's thread for the chooser."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "discussions/admin/comment_quotes_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["thread_input_id"] = THREAD_INPUT_ID
            context["thread_id"] = thread_page_id(instance) if instance.pk else ""
            return context
