"""A discussion with 3 comments versus 300: SQL queries, server time p95, page bytes.

Budgets (issue 5): the same number of queries for 300 comments as for 3; the first
view within the results page's 100 kB plus 20 kB, compressed.
"""

import gzip
import io
import statistics
import time

from bench.django_setup import setup_django
from bench.result import Result

RUNS = 30


def _build():
    from django.core.management import call_command
    from wagtail.models import Page

    from discussions.factories import ForumPageFactory
    from discussions.services import Draft, post_comment
    from districts.factories import HdmtMemberFactory

    call_command("seed_demo", stdout=io.StringIO())
    home = Page.objects.get(depth=2, locale__language_code="fr").specific
    authors = [HdmtMemberFactory(username=f"bench-member-{n}") for n in range(6)]
    pages = {}
    for count in (3, 300):
        page = ForumPageFactory(
            parent=home, slug=f"bench-{count}", title=f"Bench {count}"
        )
        roots = []
        for number in range(count):
            author = authors[number % len(authors)]
            parent = roots[-1].pk if roots and number % 3 else None
            text = (
                f"Commentaire {number} : les **ruptures** de stock reviennent en "
                "saison des pluies, voir https://example.org/guide pour le suivi."
            )
            comment = post_comment(
                author, page, Draft(text, parent), limit_rate=False, notify=False
            )
            if parent is None:
                roots.append(comment)
        pages[count] = page
    return pages, authors[0]


def _measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    body = response.content
    p95 = statistics.quantiles(timings, n=20)[-1]
    return p95, len(body), len(gzip.compress(body)), len(queries)


def run() -> list[Result]:
    setup_django()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    pages, reader = _build()
    client = Client()
    client.force_login(reader)
    figures = {count: _measure(client, page.url) for count, page in pages.items()}
    results = []
    for count, (p95, raw, compressed, queries) in figures.items():
        label = f"discussion with {count} comments"
        results += [
            Result(f"{label}: server time p95", round(p95, 1), "ms"),
            Result(f"{label}: page bytes", raw, "B"),
            Result(
                f"{label}: page bytes gzipped",
                compressed,
                "B",
                budget=120_000,
                note="first view; threads beyond the first screenful are paged",
            ),
            Result(f"{label}: SQL queries", queries, "queries"),
        ]
    results.append(
        Result(
            "extra SQL queries, 300 vs 3 comments",
            figures[300][3] - figures[3][3],
            "queries",
            budget=0,
        )
    )
    return results


if __name__ == "__main__":
    for result in run():
        print(result.as_dict())
