"""50 districts submitting at once against gunicorn + PostgreSQL.

A throwaway PostgreSQL database (`<base>_bench_survey`), gunicorn on a free loopback
port, one member per district already logged in (a session row each). Every district,
in its own thread and all released together, loads the cycle page, saves a draft
through the JSON endpoint, then submits the form. Reports stored responses, errors,
and the p95 of a draft save and of a submit. Everything is removed afterwards.
"""

import contextlib
import os
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import Cookie, CookieJar
from pathlib import Path

from bench.result import Result
from bench.server import gunicorn_server

ROOT = Path(__file__).resolve().parent.parent
DISTRICTS = 50
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", "4"))
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_SURVEY_DB", "dt_cycles_bench_survey")
DATABASE_URL = f"{PG_SERVER}/{DB_NAME}"


def _admin_sql(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _build_site():
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail.models import Page, Site

    from cycles.factories import CycleIndexPageFactory
    from districts.factories import CountryFactory, DistrictFactory, HdmtMemberFactory
    from home.factories import HomePageFactory
    from home.models import HomePage
    from tests.cycles.conftest import make_cycle

    root = Page.get_first_root_node()
    # Another benchmark of the same `make bench` process may have built a home page.
    home = HomePage.objects.filter(depth=2).first() or HomePageFactory(
        parent=root, slug="accueil"
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "127.0.0.1", "root_page": home, "site_name": "bench"},
    )
    Page.objects.filter(depth=2, content_type__model="page").delete()
    cycle = make_cycle(CycleIndexPageFactory(parent=home))
    country = CountryFactory(code="BJ", name="Bénin")
    sessions = []
    for number in range(DISTRICTS):
        district = DistrictFactory(country=country, name=f"District {number:02d}")
        user = HdmtMemberFactory(username=f"bench-{number}", district=district)
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return cycle.url, sessions


def _cookie(name: str, value: str) -> Cookie:
    return Cookie(
        0,
        name,
        value,
        None,
        False,
        "127.0.0.1",
        False,
        False,
        "/",
        True,
        False,
        None,
        False,
        None,
        None,
        {},
    )


class District:
    def __init__(self, base: str, path: str, session_key: str):
        self.base, self.path = base, path
        self.jar = CookieJar()
        self.jar.set_cookie(_cookie("sessionid", session_key))
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.draft_seconds = self.submit_seconds = None
        self.errors: list[str] = []

    def _csrf_cookie(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def run(self, barrier: threading.Barrier) -> None:
        try:
            barrier.wait()
            html = self.opener.open(self.base + self.path, timeout=60).read().decode()
            token = re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', html
            ).group(1)
            version = int(re.search(r'name="version" value="(\d+)"', html).group(1))
            started = time.perf_counter()
            request = urllib.request.Request(
                self.base + self.path + "draft/",
                data=b'{"answers": {"stock_outs": "3", "comment": "bench"}, "version": %d}'
                % version,
                headers={
                    "Content-Type": "application/json",
                    "X-CSRFToken": self._csrf_cookie(),
                    "Referer": self.base + self.path,
                },
            )
            body = self.opener.open(request, timeout=60).read().decode()
            self.draft_seconds = time.perf_counter() - started
            version = int(re.search(r'"version": (\d+)', body).group(1))
            form = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "version": version,
                    "submission_token": f"bench-{id(self)}",
                    "stock_outs": "3",
                    "had_stock_out": "yes",
                    "cause": "transport",
                    "comment": "bench",
                    "submit": "1",
                }
            ).encode()
            started = time.perf_counter()
            request = urllib.request.Request(
                self.base + self.path,
                data=form,
                headers={"Referer": self.base + self.path},
            )
            try:
                response = self.opener.open(request, timeout=60)
                status = response.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            self.submit_seconds = time.perf_counter() - started
            if status != 302:
                self.errors.append(f"submit answered {status}")
        except Exception as exc:  # counted as an error, never hidden
            self.errors.append(f"{type(exc).__name__}: {exc}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20)[-1]


def run() -> list[Result]:
    _admin_sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    _admin_sql(f'CREATE DATABASE "{DB_NAME}"')
    servers = contextlib.ExitStack()
    try:
        from bench.django_setup import setup_django

        setup_django(DATABASE_URL)
        path, sessions = _build_site()
        env = {
            **os.environ,
            "DATABASE_URL": DATABASE_URL,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        base = servers.enter_context(gunicorn_server(env, workers=WORKERS))
        districts = [District(base, path, key) for key in sessions]
        barrier = threading.Barrier(len(districts))
        threads = [threading.Thread(target=d.run, args=(barrier,)) for d in districts]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started

        from cycles.models import SurveyResponse

        stored = SurveyResponse.objects.filter(status="submitted").count()
        errors = sum(len(d.errors) for d in districts)
        drafts = [d.draft_seconds for d in districts if d.draft_seconds is not None]
        submits = [d.submit_seconds for d in districts if d.submit_seconds is not None]
        sample = next((d.errors[0] for d in districts if d.errors), "")
        note = (
            f"{DISTRICTS} districts at once, gunicorn {WORKERS} sync workers, "
            f"PostgreSQL; whole burst {wall:.1f} s"
        )
        return [
            Result("stored responses", stored, "responses", DISTRICTS, False, note),
            Result("errors", errors, "errors", 0, True, sample),
            Result("draft save p95", round(p95(drafts) * 1000), "ms"),
            Result("submit p95", round(p95(submits) * 1000), "ms"),
        ]
    finally:
        servers.close()
        from django.db import connections

        connections.close_all()
        _admin_sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
