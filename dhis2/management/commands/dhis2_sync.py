"""``dhis2_sync {orgunits,analytics,export}``: the scheduled DHIS2 exchanges.

Any failure prints one line and exits non-zero; nothing is half-written.
"""

from django.core.management.base import BaseCommand, CommandError

from dhis2.client import Dhis2Error
from dhis2.exports import prepare_cycle_export
from dhis2.models import AnalyticsQuery
from dhis2.services import (
    make_client,
    post_data_value_set,
    refresh_snapshot,
    sync_org_units,
)
from districts.models import Country


class Command(BaseCommand):
    help = "Exchange data with DHIS2: organisation units, analytics snapshots, results."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        orgunits = sub.add_parser("orgunits", help="match org units to districts")
        orgunits.add_argument("--level", type=int, required=True)
        orgunits.add_argument("--root", default="", help="only below this org unit")
        orgunits.add_argument(
            "--country", default="", help="ISO code for new districts"
        )
        orgunits.add_argument("--page-size", type=int, default=50)
        analytics = sub.add_parser("analytics", help="refresh every analytics snapshot")
        export = sub.add_parser("export", help="send a cycle's results")
        export.add_argument("cycle", help="cycle id or slug")
        export.add_argument("--dry-run", action="store_true")
        for subparser in (orgunits, analytics, export):
            subparser.add_argument("--url", default="", help="overrides the settings")
            subparser.add_argument("--token", default="", help="personal access token")

    def handle(self, *args, **options):
        try:
            client = make_client(options["url"], options["token"])
            handler = getattr(self, f"handle_{options['action']}")
            handler(client, options)
        except Dhis2Error as error:
            raise CommandError(error.message) from None

    def handle_orgunits(self, client, options):
        country = None
        if options["country"]:
            country = Country.objects.filter(code=options["country"].upper()).first()
            if country is None:
                raise CommandError(f"Unknown country {options['country']}.")
        report = sync_org_units(
            client,
            options["level"],
            options["root"],
            country,
            page_size=options["page_size"],
        )
        self.stdout.write(
            f"created: {len(report.created)}, updated: {len(report.updated)}, "
            f"unchanged: {len(report.unchanged)}"
        )
        for name in report.created:
            self.stdout.write(f"  + {name}")
        for name in report.updated:
            self.stdout.write(f"  ~ {name}")

    def handle_analytics(self, client, options):
        failures = 0
        for query in AnalyticsQuery.objects.all():
            snapshot = refresh_snapshot(query, client)
            if snapshot.last_error:
                failures += 1
                self.stdout.write(f"{query.name}: {snapshot.last_error}")
            else:
                self.stdout.write(f"{query.name}: {len(snapshot.data)} rows")
        if failures:
            raise CommandError(f"{failures} snapshot(s) could not be refreshed.")

    def handle_export(self, client, options):
        export = prepare_cycle_export(options["cycle"])
        for name in export.without_org_unit:
            self.stdout.write(f"skipped (no DHIS2 org unit): {name}")
        values = export.payload["dataValues"]
        self.stdout.write(
            f"{export.cycle_title} → {export.period}: {export.responses} responses, "
            f"{len(values)} data values"
        )
        if not values:
            raise CommandError("Nothing to send: no mapped, answered values.")
        summary = post_data_value_set(client, export.payload, options["dry_run"])
        label = "dry run" if options["dry_run"] else "import"
        self.stdout.write(
            f"{label}: {summary.status} — imported: {summary.imported}, "
            f"updated: {summary.updated}, ignored: {summary.ignored}, "
            f"conflicts: {len(summary.conflicts)}"
        )
        for line in summary.conflicts:
            self.stdout.write(f"  conflict: {line}")
        if not summary.ok:
            raise CommandError(f"DHIS2 reported {len(summary.conflicts)} conflict(s).")
