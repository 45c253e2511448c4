from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from dhis2 import admin_views
from dhis2.models import AnalyticsQuery, ExportMapping
from portal.panels import InlinePanel


@hooks.register("register_admin_urls")
def register_dhis2_admin_urls():
    return [
        path(
            "dhis2/test-connection/",
            admin_views.test_connection,
            name="dhis2_test_connection",
        ),
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


class AnalyticsQueryViewSet(SnippetViewSet):
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


class ExportMappingViewSet(SnippetViewSet):
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


class Dhis2Group(SnippetViewSetGroup):
    items = (AnalyticsQueryViewSet, ExportMappingViewSet)
    menu_icon = "link"
    menu_label = _("DHIS2")
    menu_name = "dhis2"


register_snippet(Dhis2Group)
