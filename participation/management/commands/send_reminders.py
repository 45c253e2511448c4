import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from participation.models import ReminderKind
from participation.reminders.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mail the participation reminders due today: questionnaire open, closing "
        "soon, last day (to districts that have not submitted) and discussion open. "
        "Safe to run every hour from cron: nobody gets the same reminder twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would get which reminder; send and record nothing.",
        )
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD), to test or catch up.",
        )

    def handle(self, *args, dry_run=False, date=None, **options):
        today = None
        if date:
            try:
                today = dt.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"--date: {error}") from error
        report = send_due_reminders(today=today, dry_run=dry_run)
        verb = "would send" if dry_run else "sent"
        for batch in report.batches:
            cycle, kind = batch.due.cycle, batch.due.kind
            self.stdout.write(
                f"{len(batch.sent)} reminder(s) {verb}: {ReminderKind(kind).value} — "
                f"{cycle.title} (#{cycle.pk})"
            )
            if dry_run:
                for recipient in batch.sent:
                    self.stdout.write(
                        f"  {recipient.email} ({recipient.district.name}, "
                        f"{recipient.language})"
                    )
            for recipient in batch.failed:
                self.stderr.write(f"  not sent, will retry: {recipient.email}")
        self._sms(report.sms, dry_run)
        total = report.sent_count
        self.stdout.write(
            f"{report.today.isoformat()}: {total} reminder(s) {verb}"
            + (f", {report.failed_count} failed." if report.failed_count else ".")
        )

    def _sms(self, sms, dry_run):
        for recipient, text in sms.would_send:
            self.stdout.write(f"  SMS would go to {recipient.email}: {text}")
        for message in sms.failed:
            self.stderr.write(f"  SMS {message.get_status_display()}: {message.key}")
        if dry_run:
            self.stdout.write(f"{len(sms.would_send)} SMS would be sent.")
        else:
            self.stdout.write(
                f"{sms.sent_count} SMS sent, {len(sms.failed)} not sent"
                f" ({len(sms.retried)} retried)."
            )
