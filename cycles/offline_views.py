"""What the service worker asks a signed-in member's browser to keep offline: the
pages of the open cycles whose survey the member may answer (portal/offline.py)."""

from django.http import HttpRequest, JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cycles import selectors
from districts.roles import user_district
from portal.offline import ANONYMOUS, member_id


@never_cache
@require_GET
def offline_state(request: HttpRequest) -> JsonResponse:
    """Who is signed in (opaque id), a CSRF token for queued drafts, and the pages to
    keep. An anonymous reader gets no page and no token: nothing personal is kept."""
    member = member_id(request.user)
    if member == ANONYMOUS:
        return JsonResponse({"member": ANONYMOUS, "pages": []})
    district = user_district(request.user)
    pages = [
        cycle.get_url(request)
        for cycle in selectors.live_cycles()
        if district is not None
        and cycle.answers_are_open
        and selectors.can_edit_response(request.user, cycle, district)
    ]
    return JsonResponse({"member": member, "csrf": get_token(request), "pages": pages})
