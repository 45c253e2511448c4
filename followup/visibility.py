"""Who sees whose commitment, and under which name.

Each commitment carries its team's choice: the district's name, the cycle's
pseudonym, or hidden. Facilitators always see everything with names; a team always
sees its own. Everybody else sees named commitments with the district's name,
pseudonymous ones with the pseudonym the cycle's charts use ("District C", from the
cycle's seed among the districts that answered; "a district of <country>" for one
that did not answer), and never a hidden one. Every reader of commitments (the
page section, the lesson page, the chart source, the public download) goes through
``label_for``.

The team's default follows the cycle's display of districts: names → named,
pseudonyms → pseudonym, countries only → hidden.
"""

from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from charts.anonymise import DisplayMode, pseudonyms
from cycles.models import CyclePage
from cycles.selectors import canonical_cycle, submitted_responses
from districts.roles import is_facilitator, user_district
from followup.models import Visibility

DEFAULTS = {
    DisplayMode.NAMES: Visibility.NAMED,
    DisplayMode.PSEUDONYMS: Visibility.PSEUDONYM,
    DisplayMode.COUNTRIES: Visibility.HIDDEN,
}


def default_visibility(cycle: CyclePage) -> str:
    mode = canonical_cycle(cycle).results_display_mode
    return DEFAULTS.get(mode, Visibility.PSEUDONYM)


@dataclass(frozen=True)
class Viewer:
    """Who is reading: None for the public and for a chart (the same for all)."""

    facilitator: bool = False
    district_id: int | None = None

    @classmethod
    def of(cls, user) -> "Viewer":
        district = user_district(user) if user is not None else None
        return cls(
            facilitator=user is not None and is_facilitator(user),
            district_id=district.pk if district else None,
        )


PUBLIC = Viewer()


class Labels:
    """The pseudonyms of one cycle, worked out once (one query) for a whole page,
    and only when a commitment shown needs one."""

    def __init__(self, cycle: CyclePage):
        self.cycle = canonical_cycle(cycle)

    @cached_property
    def pseudonyms(self) -> dict[int, str]:
        universe = submitted_responses(self.cycle).values_list("district_id", flat=True)
        return pseudonyms(self.cycle.pseudonym_seed, universe)

    def pseudonym(self, district) -> str:
        return self.pseudonyms.get(district.pk) or _("a district of %(country)s") % {
            "country": district.country.localized_name
        }


def label_for(commitment, viewer: Viewer, labels: Labels) -> str | None:
    """How `viewer` sees the district of `commitment`; None: not at all."""
    district = commitment.district
    if viewer.facilitator or viewer.district_id == district.pk:
        return district.name
    if commitment.visibility == Visibility.NAMED:
        return district.name
    if commitment.visibility == Visibility.PSEUDONYM:
        return labels.pseudonym(district)
    return None
