"""Participation on the demo site (72 districts, 144 members, 4 cycles).

The facilitators' dashboard: server time p95 and SQL queries, which must not grow with
the number of districts (budget: 1 s p95 on this machine, queries per cycle constant).
Reminders: how long one `send_reminders` run takes to e-mail every member of the open
cycle's silent districts (locmem mail backend: the portal's work, not an SMTP server's).
"""

import io
import statistics
import time

from bench.django_setup import setup_django
from bench.result import Result

RUNS = 20
DASHBOARD_BUDGET_MS = 1000


def _dashboard(client, facilitator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client.force_login(facilitator)
    url = reverse("participation_dashboard:index")
    client.get(url)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.quantiles(timings, n=20)[-1], len(queries)


def _reminders():
    from django.core import mail

    from participation.reminders.services import send_due_reminders

    mail.outbox = []
    start = time.perf_counter()
    send_due_reminders()
    return time.perf_counter() - start, len(mail.outbox)


def run() -> list[Result]:
    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("seed_demo", stdout=io.StringIO())
    facilitator = get_user_model().objects.get(username="facilitator")
    p95, queries = _dashboard(Client(), facilitator)
    seconds, sent = _reminders()
    return [
        Result(
            "dashboard, 72 districts × 4 cycles: server time p95",
            round(p95, 1),
            "ms",
            budget=DASHBOARD_BUDGET_MS,
        ),
        Result("dashboard: SQL queries", queries, "queries"),
        Result(
            "send_reminders, one run",
            round(seconds, 2),
            "s",
            note=f"{sent} e-mails to the members of the open demo cycle's silent districts",
        ),
    ]


if __name__ == "__main__":
    for result in run():
        print(result.as_dict())
