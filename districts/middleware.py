"""Show a signed-in reader every time in their own zone (districts/timezones.py).

Anonymous readers keep the portal's zone, so the anonymous page cache
(portal/pagecache.py) only ever holds pages in that zone; a request rendered in
another zone is marked, and the cache refuses to store it.

The session remembers the zone for a quarter of an hour, so most requests cost no
query; saving one's own zone forgets it at once (``forget_zone``), and a change to a
country's zone reaches its members within the quarter hour.
"""

import time

from django.conf import settings
from django.utils import timezone

from districts.timezones import zone_name_for_user
from portal.pagecache import PERSONAL_MARK

SESSION_KEY = "districts_time_zone"
REMEMBERED_SECONDS = 15 * 60


class ReaderTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            timezone.deactivate()
            return self.get_response(request)
        name = reader_zone_name(request)
        if name != settings.TIME_ZONE:
            setattr(request, PERSONAL_MARK, True)
        timezone.activate(name)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def reader_zone_name(request) -> str:
    remembered = request.session.get(SESSION_KEY)
    now = time.time()
    if remembered and now - remembered.get("at", 0) < REMEMBERED_SECONDS:
        return remembered["zone"]
    name = zone_name_for_user(request.user)
    request.session[SESSION_KEY] = {"zone": name, "at": now}
    return name


def forget_zone(request) -> None:
    request.session.pop(SESSION_KEY, None)
