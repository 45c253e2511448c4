from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cycles.admin_views import import_xlsform_view
from cycles.models import CyclePage
from districts.roles import is_facilitator


@hooks.register("filter_form_submissions_for_user")
def leave_cycles_out_of_forms(user, form_pages):
    """Wagtail's "Forms" section counts Wagtail form submissions; a cycle's answers
    are survey responses (its results and exports), so listed there a cycle with 50
    responses read "no submissions". Without other form pages the menu item hides."""
    return form_pages.not_type(CyclePage)


@hooks.register("register_admin_urls")
def register_xlsform_url():
    return [
        path(
            "cycles/<int:page_id>/import-xlsform/",
            import_xlsform_view,
            name="cycles_import_xlsform",
        )
    ]


@hooks.register("register_page_header_buttons")
def xlsform_header_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, CyclePage) and is_facilitator(user):
        yield Button(
            _("Import an XLSForm"),
            reverse("cycles_import_xlsform", args=[page.id]),
            icon_name="upload",
            priority=40,
        )
