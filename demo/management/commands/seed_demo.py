from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Each app seeds its own part of the demo, in dependency order.
DEMO_SEEDERS = [
    "districts.demo.seed",
    "home.demo.seed",
    "cycles.demo.seed",
    "charts.demo.seed",
    "lessons.demo.seed",
    "discussions.demo.seed",
]


class Command(BaseCommand):
    help = "Build (or bring up to date) the demo site. Safe to run again: it is idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            for dotted_path in DEMO_SEEDERS:
                summary = import_string(dotted_path)()
                self.stdout.write(f"{dotted_path.split('.')[0]}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
