"""Admin hooks of the participation dashboard: its URLs and its menu entry."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from districts.admin_access import facilitators_only
from districts.admin_menu import FacilitatorMenuItem
from participation.dashboard import views as dashboard_views


@hooks.register("register_admin_urls")
def dashboard_urls():
    return facilitators_only(
        [
            path(
                "participation/",
                dashboard_views.dashboard_view,
                name="participation_dashboard",
            ),
            path(
                "participation/export.<str:file_format>",
                dashboard_views.export_view,
                name="participation_export",
            ),
            path(
                "participation/figure/<str:rate>.json",
                dashboard_views.figure_view,
                name="participation_figure",
            ),
        ]
    )


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return FacilitatorMenuItem(
        _("Participation"),
        reverse("participation_dashboard"),
        icon_name="group",
        order=240,
    )
