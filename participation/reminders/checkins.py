"""Follow-up check-in reminders (issue #17): on the date of a cycle's check-in
(``followup.selectors``), to the members of districts with a commitment that has
not reported that check-in yet. The same delivery log and claim as every other
reminder (``ReminderDelivery``, one kind per check-in), so never twice.

Kept apart from the survey and discussion reminders: ``services.send_due_reminders``
adds these to the day's list, and asks ``recipients_for`` who gets each.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from districts.roles import Role
from followup.selectors import checkin_due_number, teams_due
from participation.models import ReminderDelivery, ReminderKind
from participation.reminders.selectors import (
    Due,
    Recipient,
    live_source_cycles,
    member_language,
    recipients,
)
from portal.privacy import restrictions_of, user_may_read
from sms import selectors as sms_selectors

CHECKIN_KINDS = {number: ReminderKind(f"checkin_{number}") for number in range(1, 7)}
BODY_TEMPLATE = "participation/email/reminder_checkin.txt"


def is_checkin(kind: str) -> bool:
    return kind in CHECKIN_KINDS.values()


def due_checkin_reminders(today: dt.date) -> list[Due]:
    due = []
    for cycle in live_source_cycles():
        number = checkin_due_number(cycle, today)
        if number is not None:
            due.append(Due(cycle, CHECKIN_KINDS[number], today))
    return due


def checkin_recipients(due: Due, sms: bool = False) -> list[Recipient]:
    """The members of the teams with this check-in due; with ``sms``, those who chose
    SMS (the SMS log keeps each to once), else those who get e-mail reminders."""
    number = next(n for n, kind in CHECKIN_KINDS.items() if kind == due.kind)
    members = get_user_model().objects.filter(
        is_active=True,
        groups__name=Role.HDMT_MEMBER,
        membership__district__in=teams_due(due.cycle, number),
    )
    if sms:
        members = members.filter(pk__in=sms_selectors.subscriber_ids())
    else:
        members = (
            members.filter(reminder_opt_out__isnull=True)
            .exclude(email="")
            .exclude(
                pk__in=ReminderDelivery.objects.filter(
                    cycle=due.cycle, kind=due.kind
                ).values("user_id")
            )
        )
    members = members.select_related(
        "membership__district", "discussion_settings"
    ).order_by("membership__district__name", "pk")
    restrictions = restrictions_of(due.cycle)
    return [
        Recipient(
            user=user,
            district=user.membership.district,
            email=user.email,
            language=member_language(user),
        )
        for user in members.distinct()
        if user_may_read(user, restrictions)
    ]


def recipients_for(due: Due) -> list[Recipient]:
    return checkin_recipients(due) if is_checkin(due.kind) else recipients(due)
