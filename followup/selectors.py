"""Reads for follow-up: the schedule, a team's set, what its form may offer, and
permissions. Who may see whose commitment is in ``followup.visibility``."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from cycles.models import CyclePage
from cycles.selectors import canonical_cycle
from dhis2.models import AnalyticsSnapshot
from districts.models import District
from districts.roles import is_facilitator, user_district
from districts.timezones import site_zone
from followup.document import checkin_dates, parse_months
from followup.models import CheckIn, Commitment, CommitmentSet, FollowUpSchedule
from lessons.models import LessonPage
from portal import chrome
from portal.translations import active_locale

FIRST_STEP = 5  # commitments are recorded from the discussion on (cycles.steps)


def today() -> dt.date:
    return timezone.localdate(timezone.now(), site_zone())


def schedule_months(cycle: CyclePage) -> list[int]:
    """The cycle's check-in months (1, 3, 6 when the facilitators set none)."""
    schedule = FollowUpSchedule.objects.filter(cycle=canonical_cycle(cycle)).first()
    try:
        return parse_months(schedule.months if schedule else "1,3,6")
    except ValueError:
        return [1, 3, 6]


def schedule_dates(cycle: CyclePage) -> list[dt.date]:
    """The check-in dates; none before the discussion has closed (no query then)."""
    return schedule_dates_on(cycle, today())


def due_checkins(dates: list[dt.date], on: dt.date | None = None) -> int:
    """How many check-ins have come due by `on` (their date reached)."""
    on = on or today()
    return sum(1 for date in dates if date <= on)


def live_cycle(page_id: int) -> CyclePage | None:
    """The live cycle page of this id (any language), or None."""
    page = Page.objects.live().type(CyclePage).filter(pk=page_id).first()
    return page.specific if page else None


def commitments_open(cycle: CyclePage) -> bool:
    return cycle.current_step >= FIRST_STEP


def can_edit(user, cycle: CyclePage, district: District | None) -> bool:
    """Only the district's own team, from step 5 on."""
    return (
        district is not None
        and user_district(user) == district
        and commitments_open(cycle)
    )


def team_set(cycle: CyclePage, district: District | None) -> CommitmentSet | None:
    if district is None:
        return None
    return (
        CommitmentSet.objects.filter(cycle=canonical_cycle(cycle), district=district)
        .select_related("updated_by")
        .first()
    )


def shown_team_set(cycle: CyclePage, district: District | None):
    """``team_set`` for the page that shows it (never for a save, which reads the
    row itself): kept in the site's cache, which every save renews
    (followup/services.py); None when the team has saved nothing."""
    if district is None:
        return None
    return chrome.cached(
        None, "team-set", lambda: team_set(cycle, district), cycle.pk, district.pk
    )


def version_fields(current: CommitmentSet | None, version: int | None) -> dict:
    """The set's document as it was at `version` (the base a page started from)."""
    if current is None:
        return {}
    if version == current.version:
        return current.fields
    return (
        current.revisions.filter(version=version)
        .values_list("fields", flat=True)
        .first()
        or {}
    )


def indicator_options(district: District | None) -> list[tuple[str, str]]:
    """The DHIS2 data items the portal holds for the district's organisation unit,
    from the stored snapshots (never a call to DHIS2): ("<query>:<uid>", name)."""
    if district is None or not district.dhis2_uid:
        return []
    options: dict[str, str] = {}
    for query_id, data in AnalyticsSnapshot.objects.values_list("query_id", "data"):
        for row in data or []:
            if row.get("ou") == district.dhis2_uid and row.get("dx"):
                key = f"{query_id}:{row['dx']}"
                options.setdefault(key, row.get("dx_name") or row["dx"])
    return sorted(options.items(), key=lambda item: item[1].lower())


def indicator_name(query_id: int, uid: str) -> str:
    data = (
        AnalyticsSnapshot.objects.filter(query_id=query_id)
        .values_list("data", flat=True)
        .first()
    )
    for row in data or []:
        if row.get("dx") == uid:
            return (row.get("dx_name") or uid)[:230]
    return uid


def lesson_options() -> list[tuple[str, str]]:
    """Live lessons of the library in the reader's language, by translation key:
    a commitment keeps its lesson whichever language a teammate saves it in.
    Kept in the site's cache until a page changes."""
    locale = active_locale()

    def compute():
        lessons = LessonPage.objects.live().filter(locale=locale).order_by("title")
        return [
            (str(key), title)
            for key, title in lessons.values_list("translation_key", "title")
        ]

    return chrome.cached(None, "lesson-options", compute, locale.pk)


def lesson_by_key(key: str) -> LessonPage | None:
    """The lesson (its oldest page, the source) of a translation key, or None."""
    try:
        return LessonPage.objects.filter(translation_key=key).order_by("pk").first()
    except (ValueError, ValidationError):  # not a UUID
        return None


def can_see_tracker(user) -> bool:
    return is_facilitator(user)


def previous_cycle(cycle: CyclePage) -> CyclePage | None:
    """The cycle of the same library whose discussion closed last before this one
    was announced (its follow-up shows on this cycle's page)."""
    cycle = canonical_cycle(cycle)
    if cycle.issue_date is None:
        return None
    # Which one it is stays in the site's cache until a page changes.
    pk = chrome.cached(None, "previous-cycle", lambda: _previous_pk(cycle), cycle.pk)
    return CyclePage.objects.live().filter(pk=pk).first() if pk else None


def _previous_pk(cycle: CyclePage) -> int | None:
    parent_path = cycle.path[: -CyclePage.steplen]  # siblings, without a query
    found = (
        CyclePage.objects.live()
        .filter(
            path__startswith=parent_path,
            depth=cycle.depth,
            locale_id=cycle.locale_id,
            discussion_close__lt=cycle.issue_date,
        )
        .exclude(pk=cycle.pk)
        .order_by("-discussion_close")
        .values_list("pk", flat=True)
        .first()
    )
    return found


def checkin_due_number(cycle: CyclePage, on: dt.date) -> int | None:
    """The check-in whose date has come and the next one's has not (a late run
    reminds of the current check-in only), or None."""
    dates = schedule_dates_on(cycle, on)
    reached = [number for number, date in enumerate(dates, start=1) if date <= on]
    return reached[-1] if reached else None


def schedule_dates_on(cycle: CyclePage, on: dt.date) -> list[dt.date]:
    cycle = canonical_cycle(cycle)
    if cycle.discussion_close is None or cycle.discussion_close >= on:
        return []
    return checkin_dates(cycle.discussion_close, schedule_months(cycle))


def teams_due(cycle: CyclePage, number: int) -> set[int]:
    """Districts with a commitment on the cycle that has not reported check-in
    `number` yet."""
    commitments = Commitment.objects.filter(cycle=canonical_cycle(cycle))
    reported = CheckIn.objects.filter(number=number).values("commitment_id")
    return set(
        commitments.exclude(pk__in=reported).values_list("district_id", flat=True)
    )


def districts_reporting(cycle: CyclePage) -> set[int]:
    """Districts that reported at least one check-in of the cycle (the dashboard's
    "follow-up reported")."""
    return set(
        CheckIn.objects.filter(
            commitment__cycle__translation_key=cycle.translation_key
        ).values_list("commitment__district_id", flat=True)
    )
