"""The participation dashboard as a Wagtail ViewSet: its URLs (facilitators and admins
only) under /admin/participation/ and its menu entry, registered together."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from districts.admin_access import facilitators_only
from districts.admin_menu import FacilitatorMenuItem
from participation.dashboard import views as dashboard_views


class ParticipationDashboardViewSet(ViewSet):
    """A report rather than a listing of rows, so a plain ``ViewSet`` (not a
    ``ModelViewSet``): the dashboard, its CSV/XLSX export and its charts' figures."""

    name = "participation_dashboard"
    url_prefix = "participation"
    icon = "group"
    menu_label = _("Participation")
    menu_order = 240
    add_to_admin_menu = True
    menu_item_class = FacilitatorMenuItem

    def get_urlpatterns(self):
        return facilitators_only(
            [
                path("", dashboard_views.dashboard_view, name="index"),
                path(
                    "export.<str:file_format>",
                    dashboard_views.export_view,
                    name="export",
                ),
                path(
                    "figure/<str:rate>.json",
                    dashboard_views.figure_view,
                    name="figure",
                ),
            ]
        )


@hooks.register("register_admin_viewset")
def register_dashboard_viewset():
    return ParticipationDashboardViewSet()
