from django.core.management.base import BaseCommand

from lessons.alerts import send_lesson_alerts


class Command(BaseCommand):
    help = (
        "E-mail followers of a topic about new lessons (never the same lesson twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run=False, **options):
        count = send_lesson_alerts(dry_run=dry_run)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{count} alert e-mail(s) {verb}.")
