"""Run the portal as in production for a benchmark: gunicorn + WhiteNoise with
collected static files, production settings with a throwaway secret key, on a
throwaway database seeded by `seed_demo`, bound to a free loopback port."""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        # A cache of its own: pages stored by an earlier run, from another database,
        # must not be served in this one.
        "CACHE_DIR": tempfile.mkdtemp(prefix="bench-cache-"),
    }
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=600,
    )


def prepare(env: dict[str, str]) -> None:
    """Migrate and seed the throwaway database, collect and compress static files."""
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")


def wait_until_up(
    url: str, process: subprocess.Popen, timeout: float = 60, health: str = "/healthz/"
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}{health}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not come up in {timeout} s")


@contextlib.contextmanager
def gunicorn_server(
    env: dict[str, str],
    workers: int = 2,
    *,
    app: str = "portal.wsgi",
    cwd: Path = ROOT,
    health: str = "/healthz/",
) -> Iterator[str]:
    """Serve a WSGI app (the portal unless told otherwise) on a free loopback port,
    in a process group of its own; stop the whole group afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(GUNICORN),
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=cwd,
        env=env,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process, timeout=180, health=health)  # a busy machine
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
