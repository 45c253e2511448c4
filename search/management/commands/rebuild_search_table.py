from django.core.management.base import BaseCommand

from search.indexing import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search table of every registered page type."

    def handle(self, *args, **options):
        self.stdout.write(f"{reindex_all()} pages indexed.")
