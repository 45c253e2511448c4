"""What the follow-up templates show, built before the template (no decisions there)."""

from collections import Counter
from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext, ngettext

from charts.visibility import can_view_results
from dhis2.models import AnalyticsSnapshot
from followup.chart_sources import before_after_frame
from followup.document import SLOTS, field_name
from followup.forms import CommitmentsForm
from followup.models import Commitment, Status
from followup.selectors import (
    due_checkins,
    indicator_options,
    lesson_by_key,
    lesson_options,
    schedule_dates,
    team_set,
)
from followup.visibility import Labels, Viewer, default_visibility, label_for
from portal import chrome
from portal.offline import member_id


@dataclass(frozen=True)
class ShownCommitment:
    district: str
    what: str
    lead: str
    by_when: object
    status: str
    status_label: str
    outcome: str
    measure: str
    lesson_title: str
    before_after: str = ""


def status_counts(commitments) -> list[tuple[str, int]]:
    counts = Counter(c.status for c in commitments)
    return [(label, counts.get(value, 0)) for value, label in Status.choices]


def shown(
    commitments, viewer: Viewer, labels: Labels, snapshots: dict | None = None
) -> list[ShownCommitment]:
    """What `viewer` may read of `commitments`; with `snapshots` (query id → rows,
    see ``indicator_snapshots``), the before/after of those following an indicator."""
    snapshots = snapshots or {}
    rows = []
    for commitment in commitments:
        label = label_for(commitment, viewer, labels)
        if label is None:
            continue
        rows.append(
            ShownCommitment(
                district=label,
                what=commitment.what,
                lead=commitment.lead,
                by_when=commitment.by_when,
                status=commitment.status,
                status_label=commitment.get_status_display(),
                outcome=commitment.outcome,
                measure=commitment.indicator_name or commitment.measure,
                lesson_title=commitment.lesson.title if commitment.lesson else "",
                before_after=before_after_text(commitment, snapshots),
            )
        )
    return rows


def cycle_commitments(cycle):
    return list(
        Commitment.objects.filter(cycle=cycle).select_related(
            "district__country", "lesson"
        )
    )


def shown_commitments(cycle):
    """``cycle_commitments`` for the cycle's page: kept in the site's cache, which
    every save of a team's commitments renews (followup/services.py)."""
    return chrome.cached(
        None, "cycle-commitments", lambda: cycle_commitments(cycle), cycle.pk
    )


def team_form_options(cycle, district, current) -> dict:
    """What the team's form is built from besides what was typed, over its stored
    set `current` (None: nothing saved yet): its stored values, the check-ins come
    due, the indicator and lesson options, the default visibility."""
    stored = current.fields if current else {}
    return {
        "initial": stored or None,
        "checkins": due_checkins(schedule_dates(cycle)),
        "indicators": keep_stored(indicator_options(district), stored, "indicator"),
        "lessons": keep_stored(lesson_options(), stored, "lesson"),
        "default_visibility": default_visibility(cycle),
    }


def team_form(cycle, district, current, data=None) -> CommitmentsForm:
    """The team's form over its stored set `current` (None: nothing saved yet)."""
    return CommitmentsForm(data, **team_form_options(cycle, district, current))


def keep_stored(options, stored: dict, name: str) -> list[tuple[str, str]]:
    """The options, plus any value the set holds that they no longer offer (a
    lesson not translated into the reader's language, an indicator gone from the
    snapshots): saving the form never drops a teammate's choice."""
    options = list(options)
    offered = {value for value, _label in options}
    for slot in SLOTS:
        value = stored.get(field_name(slot, name), "")
        if value and value not in offered:
            lesson = lesson_by_key(value) if name == "lesson" else None
            options.append((value, lesson.title if lesson else value))
            offered.add(value)
    return options


def save_url(page) -> str:
    return reverse("followup:save", kwargs={"page_id": page.pk})


def team_context(
    page,
    cycle,
    district,
    user,
    form=None,
    current=None,
    read: bool = True,
    build_form: bool = True,
) -> dict:
    """``current``: the team's stored set, read here when None (``read=False``:
    the caller read it, and None is that nothing is saved yet). Without ``form``
    (what was typed), the unbound form's ``form_options``; the form itself is left
    to ``with_form`` when not ``build_form`` (its HTML may come from the cache)."""
    if current is None and read:
        current = team_set(cycle, district)
    member = member_id(user)
    options = None if form is not None else team_form_options(cycle, district, current)
    if form is None and build_form:
        form = CommitmentsForm(**options)
    return {
        "form": form,
        "form_options": options,
        "version": current.version if current else 0,
        "updated": current,
        "save_url": save_url(page),
        "draft_url": reverse("followup:draft", kwargs={"page_id": page.pk}),
        # The device's copy of unsaved text: one per member, cycle and district;
        # logout empties the browser's storage (portal/offline.py).
        "member": member,
        "storage_key": f"followup:{member}:{cycle.pk}:{district.code}",
        "slots": len(SLOTS),
    }


def with_form(team: dict) -> dict:
    """``team`` with its unbound form built (``team_context(build_form=False)``)."""
    if team["form"] is not None:
        return team
    return {**team, "form": CommitmentsForm(**team["form_options"])}


def team_form_inputs(team: dict) -> list:
    """Everything the unbound team form's HTML is made of (``team_context``): its
    addresses, member, version and what the form is built from (its labels come
    from the code, in the language portal/fragments.py adds to the key)."""
    if team["form_options"] is None:
        raise ValueError("a bound form shows what was typed: never kept")
    return [
        team["save_url"],
        team["draft_url"],
        team["storage_key"],
        team["member"],
        team["version"],
        team["form_options"],
    ]


def district_lines(cycle, viewer: Viewer) -> list[str]:
    """The cycle's follow-up, one line per district the viewer may see:
    "Banikoara: 2 commitments — Done 1, In progress 1"."""
    labels = Labels(cycle)
    by_district: dict[str, list] = {}
    for commitment in cycle_commitments(cycle):
        label = label_for(commitment, viewer, labels)
        if label is not None:
            by_district.setdefault(label, []).append(commitment)
    lines = []
    for label, commitments in sorted(by_district.items()):
        counts = ", ".join(
            f"{status} {count}" for status, count in status_counts(commitments) if count
        )
        lines.append(
            ngettext(
                "%(district)s: %(count)s commitment (%(statuses)s)",
                "%(district)s: %(count)s commitments (%(statuses)s)",
                len(commitments),
            )
            % {"district": label, "count": len(commitments), "statuses": counts}
        )
    return lines


def reader_adoption(lesson, request) -> dict | None:
    """``lesson_adoption`` for this request's reader, kept in the site's cache until
    a commitment, a page or a survey answer changes it (each purges the page cache,
    whose generation the key carries): per language and per class of reader, that
    is what ``lesson_adoption`` reads of the user, their ``Viewer`` (facilitator,
    own district) and whether published results that are not public are theirs."""
    user = request.user
    viewer = Viewer.of(user)
    return chrome.cached(
        request,
        "lesson-adoption",
        lambda: lesson_adoption(lesson, user),
        lesson.translation_key,
        get_language(),
        viewer.facilitator,
        viewer.district_id,
        can_view_results(user, published=True, public=False),
    )


def lesson_adoption(lesson, user) -> dict | None:
    """ "Adopted by N districts" (every team that linked a commitment to the lesson,
    in any language) and the outcomes the reader may read: those of cycles whose
    results they may see, as each team chose."""
    viewer = Viewer.of(user)
    commitments = list(
        Commitment.objects.filter(lesson__translation_key=lesson.translation_key)
        .select_related("district__country", "lesson", "cycle")
        .order_by("district__name", "slot")
    )
    if not commitments:
        return None
    labels: dict[int, Labels] = {}
    rows = []
    for commitment in commitments:
        if not commitment.cycle.results_visible_to(user):
            continue
        cycle_labels = labels.setdefault(commitment.cycle_id, Labels(commitment.cycle))
        rows += shown([commitment], viewer, cycle_labels)
    districts = len({c.district_id for c in commitments})
    return {
        "districts": districts,
        "adopted": ngettext(
            "Adopted by %(count)s district", "Adopted by %(count)s districts", districts
        )
        % {"count": districts},
        "counts": status_counts(commitments),
        "shown": rows,
    }


def indicator_snapshots(commitments) -> dict[int, list]:
    """The stored DHIS2 rows of every query the commitments follow (one query)."""
    ids = {c.indicator_query_id for c in commitments if c.indicator_query_id}
    if not ids:
        return {}
    return dict(
        AnalyticsSnapshot.objects.filter(query_id__in=ids).values_list(
            "query_id", "data"
        )
    )


def before_after_text(commitment, snapshots: dict) -> str:
    """ "Before: 52.5 · after: 67.5 (DHIS2, mean of 3 and 2 periods)", from the same
    table as the chart source."""
    rows = snapshots.get(commitment.indicator_query_id)
    if not rows or not commitment.indicator:
        return ""
    frame = before_after_frame(
        rows,
        commitment.indicator,
        commitment.district.dhis2_uid,
        commitment.committed_on,
    )
    before = frame[frame["series"] == gettext("Before")]["value"]
    after = frame[frame["series"] == gettext("After")]["value"]
    if before.empty or after.empty:
        return ""
    return gettext(
        "Before: %(before)s · after: %(after)s (DHIS2, mean of %(n_before)s and "
        "%(n_after)s periods)"
    ) % {
        "before": number_format(before.mean(), 1),
        "after": number_format(after.mean(), 1),
        "n_before": len(before),
        "n_after": len(after),
    }
