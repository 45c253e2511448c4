"""One server without Redis (issue #20): its workers share Django's file-based cache in
CACHE_DIR, so a purge made in one worker (here: another process, as a gunicorn worker
is) reaches the pages and the menus every other worker serves, at the next request."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from portal import chrome
from portal.env import cache_settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db

ANOTHER_WORKER = """
import django
django.setup()
from portal import chrome, pagecache
pagecache.purge()
chrome.forget()
"""


@pytest.fixture
def file_cache(settings, tmp_path):
    directory = tmp_path / "cache"
    settings.CACHES = cache_settings("", str(directory))
    settings.PAGE_CACHE_SECONDS = 300
    settings.CHROME_CACHE = True
    return directory


def _in_another_worker(directory: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 20 + "y7#Lq!2@pZ" * 5,
        "ALLOWED_HOSTS": "testserver",
        "CACHE_DIR": str(directory),
        "DATABASE_URL": f"sqlite:///{directory.parent / 'other.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", ANOTHER_WORKER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_a_purge_in_another_worker_reaches_the_next_anonymous_reader(
    file_cache, home_page_en
):
    assert Client().get("/fr/")["X-Cache"] == "miss"
    assert Client().get("/fr/")["X-Cache"] == "hit"

    _in_another_worker(file_cache)

    again = Client().get("/fr/")
    assert again.status_code == 200
    assert again["X-Cache"] == "miss"  # rendered afresh, not the page stored before


def test_the_site_cache_forgotten_in_another_worker_is_read_again_here(
    file_cache, home_page_en
):
    computed = []

    def compute():
        computed.append(1)
        return "menu"

    assert chrome.cached(None, "menu-test", compute) == "menu"
    assert chrome.cached(None, "menu-test", compute) == "menu"
    assert len(computed) == 1

    _in_another_worker(file_cache)

    assert chrome.cached(None, "menu-test", compute) == "menu"
    assert len(computed) == 2
