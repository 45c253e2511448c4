from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from districts.admin_menu import FacilitatorMenuItem
from participation.invitations import admin_views


@hooks.register("register_admin_urls")
def invitation_urls():
    return [
        path(
            "invitations/",
            admin_views.invitation_list,
            name="participation_invitations",
        ),
        path(
            "invitations/new/", admin_views.invite_member, name="participation_invite"
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


@hooks.register("register_admin_menu_item")
def invitations_menu_item():
    return FacilitatorMenuItem(
        _("Invitations"),
        reverse("participation_invitations"),
        icon_name="mail",
        order=260,
    )
