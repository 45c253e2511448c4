from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from dhis2 import admin_views
from dhis2.models import AnalyticsQuery, ExportMapping
from portal.admin_viewsets import SuccessMessagesMixin
from portal.panels import AddItemLabelMixin, InlinePanel


@hooks.register("register_admin_urls")
def register_dhis2_admin_urls():
    return [
        path(
            "dhis2/test-connection/",
            admin_views.test_connection,
            name="dhis2_test_connection",
        ),
        path("dhis2/export/", admin_views.export_index, name="dhis2_export_index"),
        path("dhis2/export/<int:pk>/", admin_views.export_cycle, name="dhis2_export"),
        path(
            "dhis2/analytics/<int:pk>/refresh/",
            admin_views.refresh_query,
            name="dhis2_refresh_query",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def refresh_button(snippet, user, next_url=None):
    if isinstance(snippet, AnalyticsQuery) and user.has_perm(
        "dhis2.change_analyticsquery"
    ):
        yield ListingButton(
            _("Refresh from DHIS2"),
            reverse("dhis2_refresh_query", args=[snippet.pk]),
            icon_name="rotate",
            priority=5,
        )
    if isinstance(snippet, ExportMapping) and user.has_perm(
        "dhis2.change_exportmapping"
    ):
        yield ListingButton(
            _("Export to DHIS2"),
            reverse("dhis2_export", args=[snippet.pk]),
            icon_name="upload",
            priority=5,
        )


class AnalyticsQueryViewSet(SuccessMessagesMixin, AddItemLabelMixin, SnippetViewSet):
    success_messages = {
        "add": _("DHIS2 analytics query '%(object)s' created."),
        "edit": _("DHIS2 analytics query '%(object)s' updated."),
        "delete": _("DHIS2 analytics query '%(object)s' deleted."),
    }
    add_item_label = _("Add a DHIS2 analytics query")
    model = AnalyticsQuery
    icon = "table"
    menu_label = _("Analytics queries")
    list_display = ["name", "snapshot_fetched_at", "snapshot_error"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("data_items"),
        FieldPanel("periods"),
        FieldPanel("org_units"),
    ]


class ExportMappingViewSet(SuccessMessagesMixin, AddItemLabelMixin, SnippetViewSet):
    success_messages = {
        "add": _("Export mapping '%(object)s' created."),
        "edit": _("Export mapping '%(object)s' updated."),
        "delete": _("Export mapping '%(object)s' deleted."),
    }
    add_item_label = _("Add a DHIS2 export mapping")
    model = ExportMapping
    icon = "upload"
    menu_label = _("Export mappings")
    list_display = ["cycle", "period", "data_set"]
    panels = [
        PageChooserPanel("cycle", "cycles.CyclePage"),
        FieldPanel("period"),
        FieldPanel("data_set"),
        FieldPanel("attribute_option_combo"),
        InlinePanel("values", heading=_("Values"), add_label=_("Add a value")),
    ]


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("dhis2.change_exportmapping")


class Dhis2Group(SnippetViewSetGroup):
    items = (AnalyticsQueryViewSet, ExportMappingViewSet)
    menu_icon = "link"
    menu_label = _("DHIS2")
    menu_name = "dhis2"

    def get_submenu_items(self):
        export = ExportMenuItem(
            _("Export to DHIS2"),
            reverse_lazy("dhis2_export_index"),
            name="dhis2-export",
            icon_name="upload",
            order=300,
        )
        return [*super().get_submenu_items(), export]


register_snippet(Dhis2Group)
