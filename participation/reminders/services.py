"""Writes for reminders: sending the due ones, and members opting out or back in.

Sending records the delivery *before* the e-mail leaves, in its own transaction,
and the unique (cycle, kind, member) constraint makes that row a claim: two runs at
once cannot both send, and a run that crashes after sending never sends again. An
e-mail that fails to leave gives its claim back, so the next run retries it.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import CyclePage
from cycles.steps import end_of_day
from discussions import failures
from discussions.services import remember_language
from districts.timezones import set_own_zone, zone_for_user
from participation.models import ReminderDelivery, ReminderKind, ReminderOptOut
from participation.reminders.checkins import (
    BODY_TEMPLATE,
    due_checkin_reminders,
    is_checkin,
    recipients_for,
)
from participation.reminders.selectors import Due, Recipient, due_reminders
from participation.reminders.sms_channel import SmsReport, send_due_sms
from portal import mail
from portal.links import absolute_url, page_url
from portal.times import time_with_zone
from portal.translations import in_language
from portal.typography import elide

logger = logging.getLogger(__name__)


@dataclass
class Batch:
    """One kind of reminder for one cycle: who got it (or would), who could not."""

    due: Due
    sent: list[Recipient] = field(default_factory=list)
    failed: list[Recipient] = field(default_factory=list)


@dataclass
class Report:
    today: dt.date
    dry_run: bool
    batches: list[Batch] = field(default_factory=list)
    sms: SmsReport = field(default_factory=SmsReport)

    @property
    def sent_count(self) -> int:
        return sum(len(batch.sent) for batch in self.batches)

    @property
    def failed_count(self) -> int:
        return sum(len(batch.failed) for batch in self.batches)


# --- Opting out ------------------------------------------------------------------
def unsubscribe_token(user) -> str:
    return mail.unsubscribe_token(user, mail.Unsubscribe.REMINDERS)


def user_from_token(token: str):
    return mail.user_from_unsubscribe_token(token, mail.Unsubscribe.REMINDERS)


def opt_out(user) -> None:
    ReminderOptOut.objects.get_or_create(user=user)


def opt_in(user) -> None:
    ReminderOptOut.objects.filter(user=user).delete()


def has_opted_out(user) -> bool:
    return ReminderOptOut.objects.filter(user=user).exists()


def save_preferences(
    user, wants_reminders: bool, language: str, time_zone: str = ""
) -> None:
    """The reminder switch, the language of every e-mail the member gets, and
    their own time zone ("": their country's)."""
    with transaction.atomic():
        if wants_reminders:
            opt_in(user)
        else:
            opt_out(user)
        remember_language(user, language)
        set_own_zone(user, time_zone)


# --- Sending -----------------------------------------------------------------------
def send_due_reminders(today: dt.date | None = None, dry_run: bool = False) -> Report:
    """Send every reminder due on `today` (default: today) that was never sent.

    A dry run sends nothing and records nothing: its report lists who would get what."""
    today = today or timezone.localdate()
    report = Report(today=today, dry_run=dry_run)
    connection = None if dry_run else get_connection()
    for due in [*due_reminders(today), *due_checkin_reminders(today)]:
        batch = Batch(due)
        pages = {
            language: cycle_in_language(due.cycle, language)
            for language, _name in settings.LANGUAGES
        }
        for recipient in recipients_for(due):
            if dry_run:
                batch.sent.append(recipient)
            elif _claim(due, recipient):
                page = pages.get(recipient.language, due.cycle)
                if _send(due, recipient, connection, page):
                    batch.sent.append(recipient)
                else:
                    batch.failed.append(recipient)
        if batch.sent or batch.failed:
            report.batches.append(batch)
    report.sms = send_due_sms(today, dry_run)
    return report


def _claim(due: Due, recipient: Recipient) -> ReminderDelivery | None:
    try:
        with transaction.atomic():
            return ReminderDelivery.objects.create(
                cycle=due.cycle,
                kind=due.kind,
                user=recipient.user,
                district=recipient.district,
                email=recipient.email,
                language=recipient.language,
            )
    except IntegrityError:  # another run claimed it first
        return None


def _send(due: Due, recipient: Recipient, connection, page: CyclePage) -> bool:
    try:
        reminder_email(due, recipient, connection, page).send()
    except Exception as error:  # any failure of the mail server: give the claim back
        logger.exception("Reminder to %s not sent", recipient.email)
        failures.record_outbound(recipient.user, error)
        ReminderDelivery.objects.filter(
            cycle=due.cycle, kind=due.kind, user=recipient.user
        ).delete()
        return False
    return True


def reminder_subject(kind: str, title: str, days_left: int) -> str:
    """The subject line, in the active language."""
    if kind == ReminderKind.SURVEY_CLOSING:
        return ngettext(
            "District.Team: %(days)s day left to answer “%(title)s”",
            "District.Team: %(days)s days left to answer “%(title)s”",
            days_left,
        ) % {"days": days_left, "title": title}
    if kind == ReminderKind.SURVEY_LAST_DAY:
        return _("District.Team: last day to answer “%(title)s”") % {"title": title}
    if is_checkin(kind):
        return _("District.Team: follow-up of your commitments on “%(title)s”") % {
            "title": title
        }
    if kind == ReminderKind.DISCUSSION_OPENS:
        return _("District.Team: the discussion on “%(title)s” is open") % {
            "title": title
        }
    return _("District.Team: the questionnaire “%(title)s” is open") % {"title": title}


ANCHORS = {
    ReminderKind.SURVEY_OPENS: "#survey",
    ReminderKind.SURVEY_CLOSING: "#survey",
    ReminderKind.SURVEY_LAST_DAY: "#survey",
    ReminderKind.DISCUSSION_OPENS: "#discussion",
}


def reminder_email(
    due: Due, recipient: Recipient, connection=None, page: CyclePage | None = None
) -> EmailMessage:
    """The reminder in the member's language, linking to the cycle in that language
    (``page``, when the caller already looked it up for the whole batch)."""
    zone = zone_for_user(recipient.user)
    with mail.recipient_locale(recipient.language, zone):
        page = page or cycle_in_language(due.cycle, recipient.language)
        unsubscribe_url = absolute_url(
            reverse(
                "reminders:unsubscribe",
                kwargs={"token": unsubscribe_token(recipient.user)},
            )
        )
        context = {
            "user": recipient.user,
            "name": recipient.user.first_name or recipient.user.get_username(),
            "district": recipient.district.name,
            "title": page.title,
            "url": page_url(page) + ANCHORS.get(due.kind, "#followup"),
            **_deadline_context(due, zone),
            "days_left": due.days_left,
            "has_draft": recipient.has_draft,
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute_url(reverse("reminders:settings")),
        }
        subject = reminder_subject(due.kind, page.title, due.days_left or 0)
    return mail.compose(
        to=recipient.email,
        language=recipient.language,
        zone=zone,
        subject=subject,
        body_template=(
            BODY_TEMPLATE
            if is_checkin(due.kind)
            else f"participation/email/reminder_{due.kind}.txt"
        ),
        context=context,
        polish=lambda text: elide(text, recipient.district.name),
        unsubscribe_url=unsubscribe_url,
        connection=connection,
    )


def _deadline_context(due: Due, zone) -> dict:
    """The close date, and the moment it ends in the member's zone: "15 mars 2031
    à 22:59 (heure de Conakry)" (a cycle closes at one moment for every country)."""
    if not due.deadline:
        return {"deadline": "", "day": "", "closes_at": ""}
    day = formats.date_format(due.deadline, "DATE_FORMAT")
    closes_at = time_with_zone(end_of_day(due.deadline), zone)
    return {
        "deadline": _("%(date)s at %(time)s") % {"date": day, "time": closes_at},
        "day": day,
        "closes_at": closes_at,
    }


def cycle_in_language(cycle: CyclePage, language: str) -> CyclePage:
    """The live translation of the cycle in `language`, else the cycle itself."""
    return in_language(cycle, language) or cycle
