"""Writes: a team saving its commitments and check-ins.

One save, one transaction, with the survey's concurrency rules (docs/decisions.md,
"Concurrent edits"): the save names the version it started from; when a teammate
saved in between, both changes are merged field by field against that base with
``cycles.services.three_way_merge``; a field both changed differently is a
conflict, nothing is saved and the caller keeps the typed text. A save changes only
the fields its form showed (``keep_unshown``), and one that changes nothing stores
nothing (a replay).
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from cycles.models import CyclePage
from cycles.selectors import canonical_cycle
from cycles.services import SaveResult, keep_unshown, three_way_merge
from districts.models import District
from followup.document import (
    MAX_CHECKINS,
    SLOTS,
    checkin_field_name,
    field_name,
    parse_date,
    parse_indicator,
)
from followup.models import (
    CheckIn,
    Commitment,
    CommitmentSet,
    CommitmentSetRevision,
    Status,
)
from followup.selectors import indicator_name, lesson_by_key, today, version_fields
from followup.visibility import default_visibility
from portal import pagecache


class CommitmentsClosed(Exception):
    """Commitments are not open on this cycle (before step 5)."""


def save_commitments(
    cycle: CyclePage,
    district: District,
    user,
    fields: dict[str, str],
    base_version: int | None,
    shown: Iterable[str] | None = None,
) -> SaveResult[CommitmentSet]:
    if cycle.current_step < 5:
        raise CommitmentsClosed
    cycle = canonical_cycle(cycle)
    with transaction.atomic():
        current = _locked(cycle, district)
        if current is None:
            try:
                with transaction.atomic():
                    current = CommitmentSet.objects.create(
                        cycle=cycle, district=district, fields={}, updated_by=user
                    )
            except IntegrityError:  # a teammate created it a moment ago
                current = _locked(cycle, district)
            else:
                current.version = 0  # the empty set is the base of a first save
                base_version = 0
        result = _apply(current, user, fields, base_version, shown)
    if result.saved and not result.replay:
        pagecache.purge()  # the cycle's and lessons' pages show commitments
    return result


def _locked(cycle, district) -> CommitmentSet | None:
    return (
        CommitmentSet.objects.select_for_update()
        .filter(cycle=cycle, district=district)
        .first()
    )


def _changes(mine: dict, base: dict, current: CommitmentSet) -> dict:
    """The member's document as the merge compares it: an emptied field is absent,
    and a visibility left at the default the form shows for an absent one is no
    change (a teammate's choice of visibility is not a conflict)."""
    default = default_visibility(current.cycle)
    return {
        name: value
        for name, value in mine.items()
        if value != ""
        and not (name.endswith("_visibility") and value == default and name not in base)
    }


def _apply(current, user, fields, base_version, shown) -> SaveResult[CommitmentSet]:
    fields = {name: value for name, value in fields.items() if value not in (None,)}
    shown = set(fields if shown is None else shown)
    merged = False
    if base_version != current.version:
        base = version_fields(current, base_version)
        mine = _changes(keep_unshown(fields, base, shown), base, current)
        fields, conflicts = three_way_merge(base, mine, current.fields)
        if conflicts:
            return SaveResult(current, conflicts=conflicts)
        merged = True
    else:
        fields = keep_unshown(fields, current.fields, shown)
        fields = {name: value for name, value in fields.items() if value != ""}
    if fields == current.fields and current.version:
        return SaveResult(current, replay=True)
    current.fields = fields
    current.version += 1
    current.updated_by = user
    current.save()
    CommitmentSetRevision.objects.create(
        commitment_set=current,
        version=current.version,
        fields=fields,
        changed_by=user,
    )
    lay_out(current)
    return SaveResult(current, merged=merged)


def lay_out(current: CommitmentSet) -> None:
    """Rewrite the set's Commitment and CheckIn rows from its document."""
    fields = current.fields
    existing = {c.slot: c for c in current.commitments.all()}
    default = default_visibility(current.cycle)
    kept = []
    for slot in SLOTS:
        what = fields.get(field_name(slot, "what"), "").strip()
        if not what:
            continue
        commitment = existing.get(slot) or Commitment(
            commitment_set=current,
            cycle_id=current.cycle_id,
            district_id=current.district_id,
            slot=slot,
            committed_on=today(),
        )
        _fill(commitment, slot, fields, default)
        commitment.save()
        _lay_out_checkins(commitment, slot, fields)
        kept.append(slot)
    current.commitments.exclude(slot__in=kept).delete()


def _fill(commitment: Commitment, slot: int, fields: dict, default: str) -> None:
    def value(name):
        return fields.get(field_name(slot, name), "").strip()

    commitment.what = value("what")
    commitment.lead = value("lead")[:200]
    commitment.by_when = parse_date(value("by_when"))
    commitment.measure = value("measure")
    indicator = parse_indicator(value("indicator"))
    commitment.indicator_query_id, commitment.indicator = indicator or (None, "")
    commitment.indicator_name = indicator_name(*indicator) if indicator else ""
    lesson = value("lesson")
    commitment.lesson = lesson_by_key(lesson) if lesson else None
    commitment.visibility = value("visibility") or default
    latest = None
    for number in range(1, MAX_CHECKINS + 1):
        status = fields.get(checkin_field_name(slot, number, "status"), "")
        if status in Status.values:
            latest = number
    commitment.status = Status.NOT_STARTED
    commitment.outcome = ""
    if latest:
        commitment.status = fields[checkin_field_name(slot, latest, "status")]
        commitment.outcome = fields.get(
            checkin_field_name(slot, latest, "happened"), ""
        )


def _lay_out_checkins(commitment: Commitment, slot: int, fields: dict) -> None:
    reported = []
    for number in range(1, MAX_CHECKINS + 1):
        status = fields.get(checkin_field_name(slot, number, "status"), "")
        if status not in Status.values:
            continue
        CheckIn.objects.update_or_create(
            commitment=commitment,
            number=number,
            defaults={
                "status": status,
                "happened": fields.get(
                    checkin_field_name(slot, number, "happened"), ""
                ),
                "obstacles": fields.get(
                    checkin_field_name(slot, number, "obstacles"), ""
                ),
            },
        )
        reported.append(number)
    commitment.checkins.exclude(number__in=reported).delete()
