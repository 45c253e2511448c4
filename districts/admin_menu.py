from wagtail.admin.menu import MenuItem

from districts.roles import is_facilitator


class FacilitatorMenuItem(MenuItem):
    """An admin menu entry only facilitators and admins see."""

    def is_shown(self, request):
        return is_facilitator(request.user)
