"""The embedded default (a SQLite file) under simultaneous submits, through a real
threaded HTTP server: like PostgreSQL, every request gets an answer, never a 500."""

import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

from cycles.models import SurveyResponse
from tests.cycles.conftest import make_cycle

pytestmark = [
    pytest.mark.skipif(
        "sqlite" not in settings.DATABASES["default"]["ENGINE"],
        reason="the SQLite embedded default only",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SIMULTANEOUS = 6
ROUNDS = 4


def test_sqlite_runs_in_wal_mode_with_immediate_transactions_and_a_busy_timeout(db):
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 20
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is the answer we look at, not the page after it


OPENER = urllib.request.build_opener(_NoRedirect)


class Browser:
    """One member's browser: its cookies, the CSRF token of the survey form."""

    def __init__(self, base_url: str, session_key: str):
        self.base_url = base_url
        self.cookies = {settings.SESSION_COOKIE_NAME: session_key}

    def _open(self, request: urllib.request.Request) -> int:
        request.add_header(
            "Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        )
        try:
            with OPENER.open(request, timeout=60) as response:
                self._keep_cookies(response.headers)
                self.body = response.read().decode()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def _keep_cookies(self, headers) -> None:
        for header in headers.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    def form_token(self, path: str) -> str:
        self._open(urllib.request.Request(self.base_url + path))
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.body)
        return found.group(1)

    def post(self, path: str, fields: dict, csrf: str) -> int:
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": csrf}).encode()
        request = urllib.request.Request(
            self.base_url + path, data=data, headers={"Referer": self.base_url + path}
        )
        return self._open(request)


def _session_for(user) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_simultaneous_identical_submits_on_sqlite_never_give_a_500(
    live_server, settings, home_page, district, member, teammate
):
    """Double clicks by two members at once, on several cycles: every submit is
    answered as on PostgreSQL (saved, or recognised as a replay), one response each."""
    from cycles.factories import CycleIndexPageFactory

    settings.RATE_LIMITS_ENABLED = False
    index = CycleIndexPageFactory(parent=home_page)
    cycles = [
        make_cycle(index, slug=f"cycle-{number}", title=f"Cycle {number}")
        for number in range(ROUNDS)
    ]
    users = [member, teammate] * (SIMULTANEOUS // 2)
    browsers = [Browser(live_server.url, _session_for(user)) for user in users]
    tokens = [browser.form_token(cycles[0].url) for browser in browsers]
    statuses: list[int] = []

    def submit(browser, csrf, barrier, url, fields):
        barrier.wait()
        statuses.append(browser.post(url, fields, csrf))

    for cycle in cycles:
        barrier = threading.Barrier(len(browsers))
        threads = []
        for number, (browser, csrf) in enumerate(zip(browsers, tokens, strict=True)):
            fields = {
                "stock_outs": "4",
                "comment": "Livraison en retard",
                "submit": "1",
                "version": "0",
                "submission_token": f"double-click-{number % 2}",
            }
            threads.append(
                threading.Thread(
                    target=submit, args=(browser, csrf, barrier, cycle.url, fields)
                )
            )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert statuses.count(302) == SIMULTANEOUS * ROUNDS, statuses
    for cycle in cycles:
        stored = SurveyResponse.objects.get(cycle=cycle)
        assert stored.status == "submitted"
        assert stored.answers == {"stock_outs": 4, "comment": "Livraison en retard"}
        assert stored.version == 1
