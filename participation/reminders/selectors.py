"""Which participation reminders are due today, and to whom (reads only).

The schedule of a cycle, all dates in the portal's time zone; the windows are the
cycle's own step dates (``cycles.steps.within_step_dates``), never re-derived here:

- survey reminders while the dates put the cycle in its answer window
  (``answers_open`` ≤ today ≤ ``answers_close``, and step 3 reached), to members of
  districts that have not submitted (a draft is not a submission). One survey kind
  per cycle and day, the most urgent: the last day beats "closing soon", which beats
  "open". So a late or missed cron run catches up with one e-mail, never three at
  once, and nobody is told "it is open" after being told "it closes soon".
- the discussion reminder while the discussion's dates are open, to every member.

A facilitator's step override can only silence reminders: a cycle held at another
step than 3 (or 5) sends no survey (or discussion) reminder. A cycle whose source
page is not live sends nothing. Each member gets each kind at most once per cycle,
the log of deliveries being the memory (``ReminderDelivery``).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Min

from cycles import steps
from cycles.models import CyclePage, SurveyResponse
from cycles.models.responses import ResponseStatus
from cycles.participants import districts_taking_part
from districts.models import District
from districts.roles import Role
from participation.models import ReminderDelivery, ReminderKind
from portal.privacy import restrictions_of, user_may_read
from sms import selectors as sms_selectors

SURVEY_KINDS = (
    ReminderKind.SURVEY_OPENS,
    ReminderKind.SURVEY_CLOSING,
    ReminderKind.SURVEY_LAST_DAY,
)
ANSWERS_STEP, DISCUSSION_STEP = 3, 5


@dataclass(frozen=True)
class Due:
    """One kind of reminder a cycle (its source page) owes its members today."""

    cycle: CyclePage
    kind: ReminderKind
    today: dt.date

    @property
    def deadline(self) -> dt.date | None:
        step = ANSWERS_STEP if self.kind in SURVEY_KINDS else DISCUSSION_STEP
        return steps.step_ends(self.cycle)[step]

    @property
    def days_left(self) -> int | None:
        return (self.deadline - self.today).days if self.deadline else None


@dataclass(frozen=True)
class Recipient:
    user: object
    district: District
    email: str
    language: str
    has_draft: bool = field(default=False)


def survey_kind_due(cycle: CyclePage, today: dt.date) -> ReminderKind | None:
    """The one survey reminder of the day, or None outside the answer window."""
    if not _answers_window(cycle, today):
        return None
    close = steps.step_ends(cycle)[ANSWERS_STEP]
    if close is not None and today == close:
        return ReminderKind.SURVEY_LAST_DAY
    lead = cycle.reminder_days_before_close
    if close is not None and lead and close - dt.timedelta(days=lead) <= today:
        return ReminderKind.SURVEY_CLOSING
    return ReminderKind.SURVEY_OPENS


def discussion_due(cycle: CyclePage, today: dt.date) -> bool:
    return _within_step(cycle, DISCUSSION_STEP, today)


def _answers_window(cycle: CyclePage, today: dt.date) -> bool:
    """Answers are accepted on `today` by the dates (the page agrees)."""
    if not _within_step(cycle, ANSWERS_STEP, today):
        return False
    held = cycle.step_override == ANSWERS_STEP
    return held or steps.step_from_dates(cycle, today) == ANSWERS_STEP


def _within_step(cycle: CyclePage, number: int, today: dt.date) -> bool:
    """The cycle's own dates of step `number` hold `today`, and no override holds
    the cycle at another step (an override can only silence a reminder)."""
    if cycle.step_override and cycle.step_override != number:
        return False
    return steps.within_step_dates(cycle, number, today)


def live_source_cycles() -> list[CyclePage]:
    """The source page (oldest of its translation group) of every cycle, if live.

    Responses and deliveries hang on the source page (see
    ``cycles.selectors.canonical_cycle``), so translations share one schedule."""
    sources = (
        CyclePage.objects.values("translation_key")
        .annotate(source_id=Min("id"))
        .values("source_id")
    )
    return list(CyclePage.objects.live().filter(pk__in=sources).order_by("pk"))


def due_reminders(today: dt.date) -> list[Due]:
    due = []
    for cycle in live_source_cycles():
        kind = survey_kind_due(cycle, today)
        if kind is not None and cycle.questions.exists():
            due.append(Due(cycle, kind, today))
        if discussion_due(cycle, today):
            due.append(Due(cycle, ReminderKind.DISCUSSION_OPENS, today))
    return due


def recipients(due: Due, sms: bool = False) -> list[Recipient]:
    """Active members with an e-mail who still need this reminder.

    Only members of districts taking part in the cycle, and only those its privacy
    lets in (portal/privacy.py); survey reminders skip
    districts that have submitted; everybody skips members who opted out or already
    had this reminder for this cycle. With ``sms``: the members who want SMS
    instead, whatever their e-mail choice (the SMS log keeps each one to once)."""
    members = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name=Role.HDMT_MEMBER,
            membership__district__in=districts_taking_part(due.cycle),
        )
        .select_related("membership__district", "discussion_settings")
        .order_by("membership__district__name", "pk")
    )
    if sms:
        members = members.filter(pk__in=sms_selectors.subscriber_ids())
    else:
        members = _email_recipients(members, due)
    statuses = dict(
        SurveyResponse.objects.filter(cycle=due.cycle).values_list(
            "district_id", "status"
        )
    )
    if due.kind in SURVEY_KINDS:
        submitted = [
            pk for pk, status in statuses.items() if status == ResponseStatus.SUBMITTED
        ]
        members = members.exclude(membership__district__in=submitted)
    restrictions = restrictions_of(due.cycle)  # its privacy: who may be told of it
    return [
        Recipient(
            user=user,
            district=user.membership.district,
            email=user.email,
            language=member_language(user),
            has_draft=statuses.get(user.membership.district_id) == ResponseStatus.DRAFT,
        )
        for user in members.distinct()
        if user_may_read(user, restrictions)
    ]


def _email_recipients(members, due: Due):
    return (
        members.filter(reminder_opt_out__isnull=True)
        .exclude(email="")
        .exclude(
            pk__in=ReminderDelivery.objects.filter(
                cycle=due.cycle, kind=due.kind
            ).values("user_id")
        )
    )


def member_language(user) -> str:
    """The language the member reads e-mails in (their notification setting)."""
    prefs = getattr(user, "discussion_settings", None)
    language = prefs.language if prefs is not None else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
