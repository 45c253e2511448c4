from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from districts.models import Country, District, Membership
from portal.admin_viewsets import SuccessMessagesMixin
from portal.panels import AddItemLabelMixin


class CountryViewSet(SuccessMessagesMixin, AddItemLabelMixin, SnippetViewSet):
    success_messages = {
        "add": _("Country '%(object)s' created."),
        "edit": _("Country '%(object)s' updated."),
        "delete": _("Country '%(object)s' deleted."),
    }
    add_item_label = _("Add a country")
    model = Country
    icon = "globe"
    menu_label = _("Countries")
    list_display = ["name", "code", "time_zone", "dhis2_uid"]
    search_fields = ["name", "code"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("code"),
        FieldPanel("time_zone"),
        FieldPanel("dhis2_uid"),
    ]


class DistrictViewSet(SuccessMessagesMixin, AddItemLabelMixin, SnippetViewSet):
    success_messages = {
        "add": _("District '%(object)s' created."),
        "edit": _("District '%(object)s' updated."),
        "delete": _("District '%(object)s' deleted."),
    }
    add_item_label = _("Add a district")
    model = District
    icon = "site"
    menu_label = _("Districts")
    list_display = ["name", "code", "region", "country", "dhis2_uid"]
    list_filter = ["country"]
    search_fields = ["name", "code", "region"]
    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("country"),
        FieldPanel("region"),
        FieldPanel("dhis2_uid"),
    ]


class MembershipViewSet(SuccessMessagesMixin, AddItemLabelMixin, SnippetViewSet):
    success_messages = {
        "add": _("Team membership '%(object)s' created."),
        "edit": _("Team membership '%(object)s' updated."),
        "delete": _("Team membership '%(object)s' deleted."),
    }
    add_item_label = _("Add a team membership")
    model = Membership
    icon = "group"
    menu_label = _("Team memberships")
    list_display = ["user", "district"]
    list_filter = ["district__country"]
    search_fields = ["user__username", "user__email", "district__name"]
    panels = [FieldPanel("user"), FieldPanel("district")]


class DistrictsGroup(SnippetViewSetGroup):
    items = (CountryViewSet, DistrictViewSet, MembershipViewSet)
    menu_icon = "site"
    menu_label = _("Districts")
    menu_name = "districts"


register_snippet(DistrictsGroup)
