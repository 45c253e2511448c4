"""Which time zone a reader sees times in: their own choice, else their district's
country's, else the portal's (``TIME_ZONE``). Anonymous readers get the portal's.

A cycle's calendar (the day its answers close) stays in the portal's zone, so that a
cycle closes at one moment for every country; only the *display* follows the reader.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from districts.models import TimeZonePreference
from districts.zone_names import known_zones, validate_time_zone


def site_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def site_today() -> dt.date:
    """Today in the portal's zone: the calendar of cycles and reminders, the same
    for every reader whatever zone their times are shown in."""
    return timezone.localdate(timezone=site_zone())


def zone_name_for_user(user) -> str:
    """The user's own zone, else their district's country's, else the portal's."""
    if user is None or not user.is_authenticated:
        return settings.TIME_ZONE
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(
            "time_zone_preference__time_zone",
            "membership__district__country__time_zone",
        )
        .first()
    )
    for name in row or ():
        if name in known_zones():
            return name
    return settings.TIME_ZONE


def zone_for_user(user) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(zone_name_for_user(user))


def own_zone_name(user) -> str:
    """The zone the user chose themselves ("" when they follow their country)."""
    return (
        TimeZonePreference.objects.filter(user=user)
        .values_list("time_zone", flat=True)
        .first()
        or ""
    )


def set_own_zone(user, zone_name: str) -> None:
    """Remember the user's own zone; an empty name goes back to their country's."""
    if not zone_name:
        TimeZonePreference.objects.filter(user=user).delete()
        return
    validate_time_zone(zone_name)
    TimeZonePreference.objects.update_or_create(
        user=user, defaults={"time_zone": zone_name}
    )
