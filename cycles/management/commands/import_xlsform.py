from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cycles.models import CyclePage
from cycles.xlsform import AnswersExist, XLSFormError, import_xlsform


class Command(BaseCommand):
    help = (
        "Import an XLSForm (.xls or .xlsx) as a cycle's questionnaire (FR/EN labels)."
    )

    def add_arguments(self, parser):
        parser.add_argument("cycle", help="the cycle page's id or slug")
        parser.add_argument("file", help="path to the .xls or .xlsx file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="import even though districts have already answered",
        )

    def handle(self, *args, **options):
        reference = options["cycle"]
        cycles = CyclePage.objects.all()
        found = (
            cycles.filter(pk=int(reference))
            if reference.isdigit()
            else cycles.filter(slug=reference).order_by("id")
        ).first()
        if found is None:
            raise CommandError(_("No cycle with the id or slug “%s”.") % reference)
        try:
            report = import_xlsform(found, options["file"], force=options["force"])
        except AnswersExist as exc:
            raise CommandError(
                f"{exc} " + _("Add --force to replace the questionnaire anyway.")
            ) from exc
        except XLSFormError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(_("Cannot read the file: %s") % exc.strerror) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("%(count)d questions imported into “%(cycle)s”.")
                % {"count": report.imported, "cycle": found.title}
            )
        )
        for row in report.skipped:
            self.stdout.write(
                _("Skipped row %(row)s (%(name)s): %(reason)s")
                % {"row": row.row or "?", "name": row.name, "reason": row.reason}
            )
        for row in report.notes:
            self.stdout.write(
                _("Row %(row)s (%(name)s): %(reason)s")
                % {"row": row.row or "?", "name": row.name, "reason": row.reason}
            )
