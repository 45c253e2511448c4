"""The reference of every speed figure: a fresh `wagtail start` site under gunicorn
(production settings, SQLite, the same venv), measured in the same run as the portal."""

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.server import gunicorn_server


@contextlib.contextmanager
def stock_site(tmp: Path, workers: int = 3) -> Iterator[str]:
    """A fresh `wagtail start` project served by gunicorn: its base URL."""
    wagtail = Path(sys.executable).with_name("wagtail")
    subprocess.run([str(wagtail), "start", "stocksite", str(tmp)], check=True)
    (tmp / "stocksite" / "settings" / "local.py").write_text(
        "SECRET_KEY = 'bench-only-not-secret'\nALLOWED_HOSTS = ['127.0.0.1']\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stocksite.settings.production",
    }
    env.pop("DATABASE_URL", None)
    for args in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=tmp,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    with gunicorn_server(
        env, workers=workers, app="stocksite.wsgi", cwd=tmp, health="/"
    ) as base:
        yield base
