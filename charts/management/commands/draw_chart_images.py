"""`manage.py draw_chart_images`: draw the static images of charts published while
Chromium was absent (`make run` calls it after seeding the demo)."""

from django.core.management.base import BaseCommand

from charts.figures import chromium_path
from charts.services import draw_missing_images


class Command(BaseCommand):
    help = "Draw the static image of every published chart that has none yet."

    def handle(self, *args, **options):
        drawn, missing = draw_missing_images()
        if drawn:
            self.stdout.write(f"Drew {drawn} chart image(s).")
        if missing and not chromium_path():
            self.stdout.write(
                self.style.WARNING(
                    f"{missing} chart(s) have no static image: Chromium is not "
                    "installed (sudo apt-get install chromium, or set BROWSER_PATH). "
                    "Pages show their tables; run this command again once it is."
                )
            )
        elif missing:
            self.stdout.write(
                self.style.WARNING(f"{missing} chart image(s) could not be drawn.")
            )
