from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from discussions import admin_views, failures_admin
from discussions.failures_admin import failures_viewset
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


@hooks.register("register_admin_viewset")
def delivery_problems():
    return failures_viewset


@hooks.register("register_admin_urls")
def delivery_problem_urls():
    return facilitators_only(
        [
            path(
                "delivery-problems/<int:failure_id>/act/",
                failures_admin.act,
                name="discussions_failure_act",
            )
        ]
    )


@hooks.register("construct_homepage_panels")
def delivery_problems_panel(request, panels):
    failures_admin.add_panel(request, panels)
