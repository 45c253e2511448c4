"""Reads: how districts take part in each cycle, and the pilot's three rates plus
the follow-up one (issue #17: a district *reported its follow-up* when it gave at
least one check-in on a commitment of the cycle).

A district *answered* a cycle when its survey response is submitted (a draft is not an
answer). It *commented on the results* when one of its members posted a comment on a
chart of the cycle's results, and *took part in the discussion* when one of its members
posted any other comment (a general comment or a reply) on the cycle's thread. Comments
that a facilitator hid count (the team took part); removed and deleted ones do not.
Every rate is a share of all the districts of the country or region taking part in
the cycle (`cycles.participants`: frozen when its answers open), whether or not they
did anything, so that a silent district lowers the rate instead of disappearing, and a
district created later changes nothing of a past cycle.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cycles.models import CyclePage, SurveyResponse
from cycles.models.responses import ResponseStatus
from cycles.participants import districts_taking_part
from cycles.selectors import localized_cycle
from discussions.models import CommentDetails, CommentStatus
from districts.models import District, Membership
from followup.selectors import districts_reporting
from participation.models import LastVisit

COUNTED_COMMENTS = [CommentStatus.PUBLISHED, CommentStatus.HIDDEN]

RATE_LABELS = {
    "answered": _("Answered the questionnaire"),
    "commented": _("Commented on the results"),
    "discussed": _("Took part in the discussion"),
    "followed_up": _("Reported on its follow-up"),
}
RATES = list(RATE_LABELS)


# --- Cycles -------------------------------------------------------------------
def canonical_cycles() -> list[CyclePage]:
    """Every live cycle once (its source page), oldest first by answer dates."""
    seen: dict = {}
    for cycle in CyclePage.objects.live().order_by("id"):
        seen.setdefault(cycle.translation_key, cycle)
    return sorted(
        seen.values(),
        key=lambda c: (c.answers_open or c.issue_date or date.min, c.id),
    )


def cycle_label(cycle: CyclePage) -> str:
    return localized_cycle(cycle).title


def answers_have_closed(cycle: CyclePage, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return cycle.answers_close is not None and cycle.answers_close < today


# --- One cycle, per district ---------------------------------------------------
@dataclass
class DistrictParticipation:
    district: District
    members: int = 0
    joined: int = 0
    status: str = ""  # "submitted", "draft" or "" (not started)
    status_at: datetime | None = None
    results_comments: int = 0
    discussion_posts: int = 0
    last_visit: datetime | None = None
    followed_up: bool = False  # reported at least one check-in (followup)

    @property
    def answered(self) -> bool:
        return self.status == ResponseStatus.SUBMITTED

    @property
    def commented(self) -> bool:
        return self.results_comments > 0

    @property
    def discussed(self) -> bool:
        return self.discussion_posts > 0

    @property
    def silent(self) -> bool:
        return not (self.answered or self.commented or self.discussed)

    @property
    def status_label(self) -> str:
        return str(
            {
                ResponseStatus.SUBMITTED: _("Submitted"),
                ResponseStatus.DRAFT: _("Draft"),
            }.get(self.status, _("Not started"))
        )


def _members_by_district() -> tuple[Counter, Counter]:
    """(invited, joined) per district: an invitee joins by setting a password."""
    rows = Membership.objects.values("district_id").annotate(
        members=Count("pk"),
        joined=Count(
            "pk",
            filter=Q(user__is_active=True)
            & ~Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX),
        ),
    )
    members, joined = Counter(), Counter()
    for row in rows:
        members[row["district_id"]] = row["members"]
        joined[row["district_id"]] = row["joined"]
    return members, joined


def _comment_counts(cycle: CyclePage) -> tuple[Counter, Counter]:
    """(comments on charts, other comments) per district on the cycle's thread."""
    rows = (
        CommentDetails.objects.filter(
            page__translation_key=cycle.translation_key,
            status__in=COUNTED_COMMENTS,
            district__isnull=False,
        )
        .values("district_id")
        .annotate(
            on_results=Count("pk", filter=~Q(anchor="")),
            other=Count("pk", filter=Q(anchor="")),
        )
    )
    on_results, other = Counter(), Counter()
    for row in rows:
        on_results[row["district_id"]] = row["on_results"]
        other[row["district_id"]] = row["other"]
    return on_results, other


def _last_visits() -> dict[int, datetime]:
    rows = (
        LastVisit.objects.filter(user__membership__isnull=False)
        .values("user__membership__district_id")
        .annotate(last=Max("seen_at"))
    )
    return {row["user__membership__district_id"]: row["last"] for row in rows}


@dataclass
class Teams:
    """What does not depend on the cycle: districts, their members, last visits."""

    districts: list[District]
    members: Counter
    joined: Counter
    visits: dict[int, datetime]


def teams() -> Teams:
    districts = list(
        District.objects.select_related("country").order_by(
            "country__name", "region", "name"
        )
    )
    members, joined = _members_by_district()
    return Teams(districts, members, joined, _last_visits())


def district_participation(
    cycle: CyclePage, known: Teams | None = None
) -> list[DistrictParticipation]:
    """One row per district taking part in the cycle, whatever it did."""
    known = known or teams()
    taking_part = set(districts_taking_part(cycle).values_list("pk", flat=True))
    members, joined, visits = known.members, known.joined, known.visits
    on_results, other = _comment_counts(cycle)
    reporting = districts_reporting(cycle)
    responses = {
        row["district_id"]: row
        for row in SurveyResponse.objects.filter(
            cycle__translation_key=cycle.translation_key
        ).values("district_id", "status", "submitted_at", "updated_at")
    }
    rows = []
    for district in known.districts:
        if district.pk not in taking_part:
            continue
        response = responses.get(district.pk)
        rows.append(
            DistrictParticipation(
                district=district,
                members=members[district.pk],
                joined=joined[district.pk],
                status=response["status"] if response else "",
                status_at=(
                    (response["submitted_at"] or response["updated_at"])
                    if response
                    else None
                ),
                results_comments=on_results[district.pk],
                discussion_posts=other[district.pk],
                last_visit=visits.get(district.pk),
                followed_up=district.pk in reporting,
            )
        )
    return rows


# --- Rates per country or region -------------------------------------------------
@dataclass
class RateRow:
    label: str
    country: str
    districts: int = 0
    answered: int = 0
    commented: int = 0
    discussed: int = 0
    followed_up: int = 0

    def rate(self, name: str) -> float | None:
        if not self.districts:
            return None
        return 100 * getattr(self, name) / self.districts

    @property
    def rates(self) -> list[float | None]:
        return [self.rate(name) for name in RATES]


def rates_by(rows: list[DistrictParticipation], level: str) -> list[RateRow]:
    """The three rates per ``"country"`` or per ``"region"`` (within its country)."""
    groups: dict[tuple[str, str], RateRow] = {}
    for row in rows:
        country = row.district.country.name
        label = country if level == "country" else row.district.region
        group = groups.setdefault((country, label), RateRow(label, country))
        group.districts += 1
        group.answered += row.answered
        group.commented += row.commented
        group.discussed += row.discussed
        group.followed_up += row.followed_up
    return [groups[key] for key in sorted(groups)]


# --- Across cycles ----------------------------------------------------------------
@dataclass
class CycleRates:
    cycle: CyclePage
    label: str
    by_country: list[RateRow] = field(default_factory=list)
    rows: list[DistrictParticipation] = field(default_factory=list)


def rates_across_cycles(
    cycles: list[CyclePage] | None = None, today: date | None = None
) -> list[CycleRates]:
    """The rates of every cycle whose answers have opened (a cycle still being
    prepared would only show zeros)."""
    today = today or timezone.localdate()
    cycles = canonical_cycles() if cycles is None else cycles
    cycles = [c for c in cycles if c.answers_open and c.answers_open <= today]
    known = teams()
    history = []
    for cycle in cycles:
        rows = district_participation(cycle, known)
        history.append(
            CycleRates(cycle, cycle_label(cycle), rates_by(rows, "country"), rows)
        )
    return history


def districts_at_risk(
    history: list[CycleRates], today: date | None = None
) -> list[District]:
    """Districts silent (no answer, no comment, no post) in each of the last two
    cycles whose answers have closed. Fewer than two such cycles: nobody yet."""
    closed = [h for h in history if answers_have_closed(h.cycle, today)]
    if len(closed) < 2:
        return []
    silent: dict[int, int] = defaultdict(int)
    by_id = {}
    for cycle_rates in closed[-2:]:
        for row in cycle_rates.rows:
            by_id[row.district.pk] = row.district
            silent[row.district.pk] += row.silent
    return [by_id[pk] for pk, count in silent.items() if count == 2]
