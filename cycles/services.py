"""Writes: saving a district's draft and submitting its response.

Concurrency (docs/decisions.md): every save names the version it started from.
When another member saved in between, the two sets of changes are merged question
by question against that base version; only a question both changed differently
is a conflict, and then nothing is saved and the caller keeps the typed answers.
A replay (same submission token, or a save that changes nothing) stores nothing new.

A save changes only the questions its form showed (`shown`): answers to any other
question — one added on the French page that an English form built earlier did not
have, say — are kept as they are, never erased.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone

from charts.tasks import refresh_page_charts_task
from cycles.models import CyclePage, SurveyResponse, SurveyResponseRevision
from cycles.models.responses import ResponseStatus
from cycles.selectors import canonical_cycle
from districts.models import District
from portal import pagecache

Saved = TypeVar("Saved")


class AnswersClosed(Exception):
    """The cycle no longer accepts answers (or does not yet)."""


class AlreadySubmitted(Exception):
    """A draft save arrived for a response that was already submitted."""


@dataclass
class SaveResult(Generic[Saved]):
    """What a versioned save did: `record` as it stands after the save (a survey
    response, a team's commitment set), the names in conflict (nothing saved), whether
    a teammate's change was merged in, whether the save changed nothing (a replay)."""

    record: Saved
    conflicts: list[str] = field(default_factory=list)
    merged: bool = False
    replay: bool = False

    @property
    def saved(self) -> bool:
        return not self.conflicts


def three_way_merge(base: dict, mine: dict, theirs: dict) -> tuple[dict, list[str]]:
    """Merge two edits of `base` question by question; list the clashing names."""
    merged, conflicts = {}, []
    for name in sorted(set(base) | set(mine) | set(theirs)):
        old, new, other = base.get(name), mine.get(name), theirs.get(name)
        if new in (other, old):
            value = other
        elif other == old:
            value = new
        else:
            conflicts.append(name)
            value = other
        if value not in (None, "", []):
            merged[name] = value
    return merged, conflicts


def keep_unshown(answers: dict, stored: dict, shown: Iterable[str] | None) -> dict:
    """`answers` for the questions a form showed, the stored ones for all others.

    Without `shown`, the questions shown are those `answers` names."""
    shown = set(answers if shown is None else shown)
    kept = {name: value for name, value in stored.items() if name not in shown}
    return {**kept, **answers}


def save_draft(
    cycle: CyclePage,
    district: District,
    user,
    answers: dict,
    base_version: int | None,
    shown: Iterable[str] | None = None,
    invalid: Iterable[str] = (),
) -> SaveResult[SurveyResponse]:
    """Save the valid answers; `invalid` names the questions whose typed value was
    refused: their stored answer stays as it was (never silently emptied)."""
    return _save(
        cycle,
        district,
        user,
        answers,
        base_version,
        ResponseStatus.DRAFT,
        shown=shown,
        invalid=frozenset(invalid),
    )


def submit_response(
    cycle: CyclePage,
    district: District,
    user,
    answers: dict,
    base_version: int | None,
    token: str = "",
    shown: Iterable[str] | None = None,
) -> SaveResult[SurveyResponse]:
    result = _save(
        cycle,
        district,
        user,
        answers,
        base_version,
        ResponseStatus.SUBMITTED,
        token,
        shown,
    )
    if result.saved and not result.replay:
        refresh_published_results(cycle)
        pagecache.purge()  # who has answered shows on the cycle's pages
    return result


def refresh_published_results(cycle: CyclePage) -> None:
    """Interim results published while answers are still open follow each new
    submission: every live language of the cycle gets its charts recomputed, in the
    background, once the submission is committed."""
    if not cycle.results_published:  # read from the source page, as every rule
        return
    pages = CyclePage.objects.live().filter(translation_key=cycle.translation_key)
    for page_id in pages.values_list("pk", flat=True):
        transaction.on_commit(
            lambda page_id=page_id: refresh_page_charts_task.enqueue(page_id)
        )


def _locked_response(cycle: CyclePage, district: District) -> SurveyResponse | None:
    return (
        SurveyResponse.objects.select_for_update()
        .filter(cycle=cycle, district=district)
        .first()
    )


def _record(response: SurveyResponse, user) -> None:
    SurveyResponseRevision.objects.create(
        response=response,
        version=response.version,
        status=response.status,
        answers=response.answers,
        changed_by=user,
    )


def _base_answers(response: SurveyResponse, base_version: int | None) -> dict:
    if base_version == response.version:
        return response.answers
    return (
        response.revisions.filter(version=base_version)
        .values_list("answers", flat=True)
        .first()
        or {}
    )


def _save(
    cycle,
    district,
    user,
    answers,
    base_version,
    status,
    token="",
    shown: Iterable[str] | None = None,
    invalid: frozenset[str] = frozenset(),
):
    if not cycle.answers_are_open:
        raise AnswersClosed
    cycle = canonical_cycle(cycle)
    submitting = status == ResponseStatus.SUBMITTED
    now = timezone.now()
    with transaction.atomic():
        response = _locked_response(cycle, district)
        if response is None:
            try:
                with transaction.atomic():
                    response = SurveyResponse.objects.create(
                        cycle=cycle,
                        district=district,
                        status=status,
                        answers=answers,
                        created_by=user,
                        updated_by=user,
                        submitted_at=now if submitting else None,
                        submission_token=token,
                    )
            except IntegrityError:
                # A teammate created it a moment ago: continue as an update of theirs.
                response = _locked_response(cycle, district)
                base_version = base_version or 0
            else:
                _record(response, user)
                return SaveResult(response)

        if token and response.submission_token == token:
            return SaveResult(response, replay=True)
        if response.is_submitted and not submitting:
            raise AlreadySubmitted

        merged = False
        # A refused value counts as "not changed": like a question the form did not
        # show, its stored answer stays as it was.
        shown = set(answers if shown is None else shown) - invalid
        answers = {name: v for name, v in answers.items() if name not in invalid}
        if base_version != response.version:
            base = _base_answers(response, base_version)
            mine = keep_unshown(answers, base, shown)
            answers, conflicts = three_way_merge(base, mine, response.answers)
            if conflicts:
                return SaveResult(response, conflicts=conflicts)
            merged = True
        else:
            answers = keep_unshown(answers, response.answers, shown)

        if answers == response.answers and response.status == status:
            return SaveResult(response, replay=True)

        response.answers = answers
        response.status = status
        response.version += 1
        response.updated_by = user
        if submitting:
            response.submitted_at = now
            response.submission_token = token
        response.save()
        _record(response, user)
        return SaveResult(response, merged=merged)
