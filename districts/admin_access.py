"""Who may open the facilitators' admin sections: one gate, not a check per view.

Class-based admin views (Wagtail's ``IndexView``, ``ModelViewSet``) take the
``FacilitatorsMayView`` permission policy; function views are registered through
``facilitators_only`` in their app's hooks, which wraps every URL of the list.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from districts.roles import Role, is_facilitator, require_facilitator


class FacilitatorsMayView(BasePermissionPolicy):
    """Facilitators and admins view a model's admin listing; nobody adds, edits or
    deletes through the generic views (the section's own views do its actions)."""

    def user_has_permission(self, user, action):
        return action == "view" and is_facilitator(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(groups__name__in=[Role.FACILITATOR, Role.ADMIN]),
                is_active=True,
            )
            .distinct()
        )


def facilitator_required(view):
    """Refuse (403) anybody but facilitators and admins before the view runs."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        require_facilitator(request.user)
        return view(request, *args, **kwargs)

    return checked


def facilitators_only(urlpatterns: list) -> list:
    """The same URL patterns, each view behind ``facilitator_required``."""
    for pattern in urlpatterns:
        pattern.callback = facilitator_required(pattern.callback)
    return urlpatterns
