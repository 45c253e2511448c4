"""Admin hooks of participation: the dashboard here, the reminder log in its module."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

import participation.reminder_hooks  # noqa: F401 (registers the reminder log)
from participation import dashboard_views
from participation.selectors import can_view_participation


class ParticipationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_participation(request.user)


@hooks.register("register_admin_urls")
def dashboard_urls():
    return [
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


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return ParticipationMenuItem(
        _("Participation"),
        reverse("participation_dashboard"),
        icon_name="group",
        order=240,
    )
