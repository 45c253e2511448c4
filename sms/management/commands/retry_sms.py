from django.core.management.base import BaseCommand

from sms.models import SmsStatus
from sms.services import retry_due


class Command(BaseCommand):
    help = (
        "Try again the SMS whose gateway failed (5xx, timeout, 429) and whose next "
        "attempt is due. send_reminders does it too; safe to run from cron."
    )

    def handle(self, *args, **options):
        done = retry_due()
        sent = sum(message.status == SmsStatus.SENT for message in done)
        for message in done:
            if message.status != SmsStatus.SENT:
                self.stderr.write(f"  {message.get_status_display()}: {message.key}")
        self.stdout.write(f"{len(done)} SMS retried, {sent} sent.")
