"""Times shown with the zone they are in: "18:00 (heure de Conakry)", "18:00
(Conakry time)". The zone is the active one (districts/middleware.py activates the
reader's); e-mails activate their recipient's before rendering.

A bare "18:00" is ambiguous on a portal read in two time zones, so every time of day
a reader sees comes with its zone; dates alone do not (they rarely differ).
"""

from __future__ import annotations

import datetime as dt

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from portal.typography import elide

SHORT_DATE = "j N Y"  # "2 déc. 2026", "2 Dec. 2026": lower-case French months


def zone_city(zone_name: str) -> str:
    """ "Africa/Porto-Novo" → "Porto-Novo"; "UTC" stays "UTC"."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def zone_label(zone=None) -> str:
    """ "heure de Conakry", "heure d’Abidjan", "Conakry time"."""
    zone = zone or timezone.get_current_timezone()
    city = zone_city(str(zone))
    return elide(_("%(city)s time") % {"city": city}, city)


def time_with_zone(moment: dt.datetime | None, zone=None) -> str:
    """ "18:00 (heure de Conakry)": the time of day of `moment` in the zone."""
    if moment is None:
        return ""
    zone = zone or timezone.get_current_timezone()
    local = timezone.localtime(moment, zone)
    return f"{dateformat.format(local, 'H:i')} ({zone_label(zone)})"


def datetime_with_zone(moment: dt.datetime | None, zone=None) -> str:
    """ "2 déc. 2026 à 18:00 (heure de Conakry)"."""
    if moment is None:
        return ""
    zone = zone or timezone.get_current_timezone()
    local = timezone.localtime(moment, zone)
    return _("%(date)s at %(time)s") % {
        "date": dateformat.format(local, SHORT_DATE),
        "time": time_with_zone(moment, zone),
    }
