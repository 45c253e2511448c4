"""Start Django inside a benchmark process, on a database of the benchmark's own."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(
    database_url: str | None = None, settings: str = "portal.settings.dev"
) -> None:
    """Point Django at `database_url` (default: a throwaway SQLite file) and migrate it."""
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    if database_url is None:
        path = ROOT / "tmp" / "bench.sqlite3"
        path.parent.mkdir(exist_ok=True)
        path.unlink(missing_ok=True)
        database_url = f"sqlite:///{path}"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DEBUG", "false")

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
