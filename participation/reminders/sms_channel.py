"""Reminders by SMS, beside the e-mails: the same reminders due today, to the members
who chose SMS, in their language, in one SMS with a short link.

Kept apart from the e-mail path (services.py calls :func:`send_due_sms` once per
run). Each SMS goes through ``sms.services.send_sms`` with the key
``reminder:<cycle>:<kind>:<member>``: the SMS log, not ReminderDelivery, makes it
once only. A new kind of reminder needs only a line in :func:`sms_text` (an unknown
kind gets a plain "title: link" text)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participation.models import ReminderKind
from participation.reminders.checkins import (
    checkin_recipients,
    due_checkin_reminders,
    is_checkin,
)
from participation.reminders.selectors import (
    SURVEY_KINDS,
    Due,
    Recipient,
    due_reminders,
    recipients,
)
from portal.links import page_url
from portal.translations import in_language
from sms import selectors as sms_selectors
from sms import services as sms_services
from sms.encoding import fit_one_sms
from sms.models import SmsStatus


@dataclass
class SmsReport:
    sent: list = field(default_factory=list)  # SmsMessage sent now
    failed: list = field(default_factory=list)  # SmsMessage that failed or will retry
    would_send: list[tuple[Recipient, str]] = field(default_factory=list)  # dry run
    retried: list = field(default_factory=list)

    @property
    def sent_count(self) -> int:
        return len(self.sent) + sum(m.status == SmsStatus.SENT for m in self.retried)


def sms_key(due: Due, recipient: Recipient) -> str:
    return f"reminder:{due.cycle.pk}:{due.kind}:{recipient.user.pk}"


def send_due_sms(today, dry_run: bool = False) -> SmsReport:
    """Retry the SMS whose gateway failed before, then send today's reminders by
    SMS. A dry run sends, retries and records nothing: it lists who would get what.
    A gateway that answers "later" (429, 5xx, timeout) ends the run's SMS: the
    members not reached yet are not claimed, so the next run sends theirs."""
    report = SmsReport()
    if not dry_run:
        report.retried = sms_services.retry_due()
        if any(message.status == SmsStatus.RETRY for message in report.retried):
            return report  # the gateway still refuses: today's wait for the next run
    for due in [*due_reminders(today), *due_checkin_reminders(today)]:
        if is_checkin(due.kind):
            due_recipients = checkin_recipients(due, sms=True)
        else:
            due_recipients = recipients(due, sms=True)
        for recipient in due_recipients:
            key = sms_key(due, recipient)
            if sms_selectors.already_logged(key):
                continue
            text = reminder_sms(due, recipient, dry_run)
            if dry_run:
                report.would_send.append((recipient, text))
                continue
            message = sms_services.send_sms(
                recipient.user, due.kind, key, text, recipient.language
            )
            if message is None:
                continue
            bucket = report.sent if message.status == SmsStatus.SENT else report.failed
            bucket.append(message)
            if message.status == SmsStatus.RETRY:
                return report  # throttled or down: the others wait for the next run
    return report


def reminder_sms(due: Due, recipient: Recipient, dry_run: bool = False) -> str:
    """The SMS in the member's language, linking (short) to the cycle in it."""
    language = recipient.language
    page = in_language(due.cycle, language) or due.cycle
    target = page_url(page) + _anchor(due.kind)
    link = sms_services.short_link(target, create=not dry_run)
    with translation.override(language or settings.LANGUAGE_CODE):
        return sms_text(due.kind, page.title, link, due.days_left or 0)


def sms_text(kind: str, title: str, link: str, days_left: int = 0) -> str:
    """One SMS in the active language; the title shortened to fit, never the link."""

    def build(short_title: str) -> str:
        values = {"title": short_title, "url": link, "days": days_left}
        if kind == ReminderKind.SURVEY_OPENS:
            return (
                _("District.Team: the questionnaire “%(title)s” is open: %(url)s")
                % values
            )
        if kind == ReminderKind.SURVEY_CLOSING:
            return (
                ngettext(
                    "District.Team: %(days)s day left to answer “%(title)s”: %(url)s",
                    "District.Team: %(days)s days left to answer “%(title)s”: %(url)s",
                    days_left,
                )
                % values
            )
        if kind == ReminderKind.SURVEY_LAST_DAY:
            return _("District.Team: last day to answer “%(title)s”: %(url)s") % values
        if kind == ReminderKind.DISCUSSION_OPENS:
            return (
                _("District.Team: the discussion on “%(title)s” is open: %(url)s")
                % values
            )
        if is_checkin(kind):
            return (
                _(
                    "District.Team: tell how your commitments for “%(title)s” are going: %(url)s"
                )
                % values
            )
        return _("District.Team: “%(title)s”: %(url)s") % values

    return fit_one_sms(build, title)


def _anchor(kind: str) -> str:
    if kind in SURVEY_KINDS:
        return "#survey"
    if is_checkin(kind):
        return "#followup"
    return "#discussion" if kind == ReminderKind.DISCUSSION_OPENS else ""
