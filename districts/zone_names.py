"""IANA zone names: which exist, which are offered to a user, which a country starts
with. No model here: `districts.models` validates its fields with these."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The zones offered to a user: Africa's and Europe's (where members and facilitators
# live and travel), and UTC; a shorter list than the ~600 IANA names.
OFFERED_REGIONS = ("Africa/", "Europe/")
# The zones of the countries the portal started with (demo data, factories).
COUNTRY_ZONES = {"BJ": "Africa/Porto-Novo", "GN": "Africa/Conakry"}


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value and value not in known_zones():
        raise ValidationError(
            _("“%(zone)s” is not a known time zone (for example Africa/Conakry)."),
            code="invalid_time_zone",
            params={"zone": value},
        )


@lru_cache(maxsize=1)
def offered_zones() -> tuple[str, ...]:
    names = [name for name in known_zones() if name.startswith(OFFERED_REGIONS)]
    return tuple(sorted(names) + ["UTC"])
