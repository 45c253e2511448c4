from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# One module of the demo package per app, in dependency order.
DEMO_SEEDERS = [
    "demo.districts.seed",
    "demo.home.seed",
    "demo.cycles.seed",
    "demo.charts.seed",
    "demo.lessons.seed",
    "demo.discussions.seed",
    "demo.followup.seed",
]


class Command(BaseCommand):
    help = "Build (or bring up to date) the demo site. Safe to run again: it is idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            for dotted_path in DEMO_SEEDERS:
                summary = import_string(dotted_path)()
                self.stdout.write(f"{dotted_path.split('.')[1]}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
