import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "ALLOWED_HOSTS": "district.example.org",
    "PATH": os.environ.get("PATH", ""),
    "CACHE_DIR": str(ROOT / "tmp" / "production-cache"),
}


def _manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_passes_the_deployment_checklist_with_zero_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "y7#Lq!2@pZ" * 5,
        BASE_URL="https://district.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("base_url", "check_id"),
    [(None, "portal.W001"), ("http://district.example.org", "portal.W002")],
)
def test_production_warns_when_e_mails_would_link_to_the_wrong_place(
    base_url, check_id
):
    env = {"SECRET_KEY": "x" * 20 + "y7#Lq!2@pZ" * 5}
    if base_url:
        env["BASE_URL"] = base_url
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert check_id in result.stderr + result.stdout


def test_a_trusted_proxy_that_is_not_an_address_stops_the_start():
    result = _manage(
        "check",
        SECRET_KEY="x" * 20 + "y7#Lq!2@pZ" * 5,
        BASE_URL="https://district.example.org",
        TRUSTED_PROXIES="10.0.0.0/8,proxy.local",
    )
    assert result.returncode != 0
    assert "portal.E001" in result.stderr + result.stdout


def test_cache_settings_use_redis_only_when_configured():
    from portal.env import cache_settings

    assert cache_settings("")["default"]["BACKEND"].endswith("LocMemCache")
    redis = cache_settings("redis://127.0.0.1:6379/3")["default"]
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.redis
def test_redis_cache_round_trip_against_the_real_server():
    """Runs when REDIS_URL names a server (CI sets it); skipped with a reason otherwise."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: no Redis server to test against")
    from django.core.cache import caches
    from django.test import override_settings

    from portal.env import cache_settings

    with override_settings(CACHES=cache_settings(redis_url)):
        cache = caches.create_connection("default")
        cache.set("district-team-test", {"answers": 31}, 30)
        assert cache.get("district-team-test") == {"answers": 31}
        cache.delete("district-team-test")
        assert cache.get("district-team-test") is None


@pytest.mark.parametrize(
    ("database_url", "tasks_backend", "expected"),
    [
        (
            "postgres://u@db.example.org:5432/dt",
            None,
            "django_tasks_db.DatabaseBackend",
        ),
        ("sqlite:///tmp/dt.sqlite3", None, "ImmediateBackend"),
        (
            "postgres://u@db.example.org:5432/dt",
            "django_tasks.backends.immediate.ImmediateBackend",
            "ImmediateBackend",
        ),
    ],
)
def test_production_queues_tasks_for_the_worker_on_postgresql(
    database_url, tasks_backend, expected
):
    env = {"SECRET_KEY": "x" * 20 + "y7#Lq!2@pZ" * 5, "DATABASE_URL": database_url}
    if tasks_backend:
        env["TASKS_BACKEND"] = tasks_backend
    result = _manage(
        "shell", "-c", "from django.conf import settings; print(settings.TASKS)", **env
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


SECRET = "x" * 20 + "y7#Lq!2@pZ" * 5


def _page_cache_seconds(**env) -> str:
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.PAGE_CACHE_SECONDS)",
        SECRET_KEY=SECRET,
        BASE_URL="https://district.example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1]


def test_production_without_redis_keeps_no_page_cache_a_purge_could_miss():
    """Without a cache the workers share (CACHE_DIR="" and no REDIS_URL) each gunicorn
    worker has its own memory: a comment hidden through worker A would stay on the page
    worker B stored, for anonymous readers, until it expired. So the page cache is off
    unless the cache is shared: Redis, or by default the file cache of one server."""
    assert _page_cache_seconds(CACHE_DIR="") == "0"
    assert _page_cache_seconds() == "300"
    assert _page_cache_seconds(REDIS_URL="redis://127.0.0.1:6379/9") == "300"


def test_production_on_one_server_shares_a_file_cache_between_its_workers(tmp_path):
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.CHROME_CACHE)",
        SECRET_KEY=SECRET,
        CACHE_DIR=str(tmp_path / "cache"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "django.core.cache.backends.filebased.FileBasedCache",
        "True",
    ]


def test_a_cache_directory_the_workers_cannot_write_stops_the_start():
    """Tried: CACHE_DIR naming a directory that exists but takes no file (here /proc,
    which refuses new files even to root): every page that stores something would
    fail, so the start stops with a clear error instead."""
    result = _manage("check", SECRET_KEY=SECRET, CACHE_DIR="/proc")
    assert result.returncode != 0
    assert "portal.E003" in result.stderr + result.stdout
    assert "The cache directory /proc cannot be written" in result.stderr


def test_a_page_cache_in_each_workers_memory_is_a_deployment_warning():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=SECRET,
        BASE_URL="https://district.example.org",
        PAGE_CACHE_SECONDS="300",
        CACHE_DIR="",
    )
    assert result.returncode != 0
    assert "portal.W004" in result.stderr + result.stdout


def test_a_chrome_cache_in_each_workers_memory_is_a_deployment_warning():
    """The menu and the view restrictions kept in one worker's memory would keep a page
    made private in the other workers' menus: off without Redis, a warning if forced."""
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=SECRET,
        BASE_URL="https://district.example.org",
        CHROME_CACHE="true",
        CACHE_DIR="",
    )
    assert result.returncode != 0
    assert "portal.W005" in result.stderr + result.stdout
