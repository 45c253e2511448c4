"""Admin hooks of invitations: the list (a Wagtail ``IndexView``), the invite and
import screens, and the menu entry; facilitators and admins only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from districts.admin_access import facilitators_only
from districts.admin_menu import FacilitatorMenuItem
from participation.invitations import admin_views
from participation.invitations.listing import InvitationIndexView


@hooks.register("register_admin_urls")
def invitation_urls():
    return [
        path(
            "invitations/",
            InvitationIndexView.as_view(),
            name="participation_invitations",
        ),
        path(
            "invitations/results/",
            InvitationIndexView.as_view(results_only=True),
            name="participation_invitations_results",
        ),
        *facilitators_only(
            [
                path(
                    "invitations/new/",
                    admin_views.invite_member,
                    name="participation_invite",
                ),
                path(
                    "invitations/import/",
                    admin_views.import_invitations,
                    name="participation_import",
                ),
                path(
                    "invitations/template.csv",
                    admin_views.csv_template,
                    name="participation_csv_template",
                ),
                path(
                    "invitations/<int:pk>/resend/",
                    admin_views.resend_invitation,
                    name="participation_resend",
                ),
            ]
        ),
    ]


@hooks.register("register_admin_menu_item")
def invitations_menu_item():
    return FacilitatorMenuItem(
        _("Invitations"),
        reverse("participation_invitations"),
        icon_name="mail",
        order=260,
    )
