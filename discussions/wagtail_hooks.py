from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from discussions import admin_views
from discussions.moderation_listing import ModerationIndexView
from discussions.quotes import comment_chooser_viewset
from districts.admin_access import facilitators_only
from districts.admin_menu import FacilitatorMenuItem


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path(
            "moderation/",
            ModerationIndexView.as_view(),
            name="discussions_moderation",
        ),
        *facilitators_only(
            [
                path(
                    "moderation/<int:comment_id>/",
                    admin_views.act,
                    name="discussions_moderation_act",
                ),
            ]
        ),
    ]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return FacilitatorMenuItem(
        _("Moderation"),
        reverse("discussions_moderation"),
        icon_name="warning",
        order=250,
    )


@hooks.register("register_admin_viewset")
def comment_chooser():
    return comment_chooser_viewset
