from django.core.management.base import BaseCommand

from discussions.notifications import send_digests


class Command(BaseCommand):
    help = (
        "Send due discussion digests (and any notification not sent yet). "
        "Safe to run from cron: an item is never sent twice."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} e-mail(s) sent.")
