"""Page speed as a ratio against a stock Wagtail page measured in the same run (issue 20).

A fresh `wagtail start` site (its home page, production settings, SQLite) and the portal
(production settings, seeded SQLite, `bench.server`) run side by side under gunicorn with
the same number of workers. Each page is read sequentially, in turn with the stock page
(stock, portal, stock, portal…, so both see the same load of a shared machine: median
latencies), and by ten concurrent keep-alive clients for a few seconds right after the
stock page was (requests per second). Only the ratios to the stock page have budgets.
Rate limits are off for the portal here: one client reads hundreds of pages a second.

Pages: home `/fr/`, the results cycle read by a signed-in member with 300 comments on
it, a lesson, a search. Anonymous pages are read twice: with the page cache off
(`PAGE_CACHE_SECONDS=0`, the uncached budget of 1.5× the stock median) and on (the
cached throughput budget of 5× the stock page's uncached throughput), with the hit
rate read from the `X-Cache` header.
"""

import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.lean_client import LeanClient
from bench.result import Result
from bench.server import (
    ROOT,
    gunicorn_server,
    prepare,
    production_env,
)
from bench.stock import stock_site

WORKERS = 3
SEQUENTIAL = 40
CONCURRENCY = 10
SECONDS = 4.0
UNCACHED_BUDGET = 1.5  # × the stock page's median
CACHED_BUDGET = 5.0  # × the stock page's uncached throughput
CYCLE = "/fr/cycles/revues-des-deces-maternels/"  # results out, discussion open
LESSON = "/fr/lecons/supervision-formative-trimestrielle/"
PAGES = [
    ("home /fr/", "/fr/", False),
    ("cycle, member, results + 300 comments", CYCLE, True),
    ("lesson", LESSON, False),
    ("search 'vaccination'", "/fr/search/?q=vaccination", False),
]
MEMBER = "hdmt-bj-banikoara-1"

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from wagtail.models import Page
from discussions.services import Draft, post_comment
user = get_user_model().objects.get(username="{member}")
page = Page.objects.get(url_path__endswith="{slug}/", locale__language_code="fr").specific
for number in range(300):
    post_comment(user, page, Draft(f"Commentaire {{number}} : les revues reprennent.",
                 None), limit_rate=False, notify=False)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print("SESSION=" + session.session_key)
"""


def _get(connection, path, cookie):
    headers = {"Accept-Encoding": "gzip", "Accept-Language": "fr"}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status, (
        response.getheader("X-Cache", ""),
        response.getheader("X-Fragment-Cache", ""),
    )


def _connection(base: str) -> http.client.HTTPConnection:
    parts = urlsplit(base)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def _timed(connection, path, cookie) -> tuple[float, tuple]:
    start = time.perf_counter()
    status, mark = _get(connection, path, cookie)
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    return (time.perf_counter() - start) * 1000, mark


def side_by_side(
    stock: str, base: str, path: str, cookie: str | None = None
) -> tuple[float, float, list]:
    """Median latencies in ms of the stock home page and of ``path``, read in turn
    (stock, portal, stock, portal…) SEQUENTIAL times each after five warm-up reads,
    so that both see the same load of a shared machine."""
    stock_connection, connection = _connection(stock), _connection(base)
    for _ in range(5):
        _timed(stock_connection, "/", None)
        _timed(connection, path, cookie)
    stock_timings, timings, marks = [], [], []
    for _ in range(SEQUENTIAL):
        stock_timings.append(_timed(stock_connection, "/", None)[0])
        elapsed, mark = _timed(connection, path, cookie)
        timings.append(elapsed)
        marks.append(mark)
    stock_connection.close()
    connection.close()
    return statistics.median(stock_timings), statistics.median(timings), marks


def throughput(base: str, path: str, cookie: str | None = None) -> float:
    """Requests per second with CONCURRENCY keep-alive clients for SECONDS (lean
    ones: bench/lean_client.py)."""
    parts = urlsplit(base)
    counts = [0] * CONCURRENCY
    stop = time.monotonic() + SECONDS
    headers = {"Accept-Encoding": "gzip", "Accept-Language": "fr"}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"

    def client(index):
        connection = LeanClient(parts.hostname, parts.port, path, headers)
        while time.monotonic() < stop:
            if connection.get() == 200:
                counts[index] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / SECONDS


def fragment_note(marks) -> str:
    """The results (the whole section, else each chart) served from the cache
    (X-Fragment-Cache: hits/lookups)."""
    hits = lookups = 0
    for _page, fragments in marks:
        if "/" in fragments:
            hit, looked = fragments.split("/", 1)
            hits, lookups = hits + int(hit), lookups + int(looked)
    if not lookups:
        return ""
    return f"; results from the fragment cache: {hits / lookups:.0%} of {lookups}"


def _session(env: dict[str, str]) -> str:
    code = SETUP.format(member=MEMBER, slug=CYCLE.rstrip("/").rsplit("/", 1)[-1])
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout
    return next(
        line.split("=", 1)[1] for line in output.splitlines() if "SESSION=" in line
    )


def _portal_results(stock, base, session, cached) -> list[Result]:
    results = []
    for name, path, signed_in in PAGES:
        cookie = session if signed_in else None
        if cached and signed_in:
            continue
        stock_median, median, marks = side_by_side(stock, base, path, cookie)
        if cached:
            # Measured one after the other, the stock page first, for each page.
            stock_rps = throughput(stock, "/")
            rps = throughput(base, path, cookie)
            hits = sum(page == "hit" for page, _fragments in marks) / len(marks)
            results += [
                Result(
                    f"{name}, page cache: requests/s at concurrency {CONCURRENCY}, "
                    "× stock uncached",
                    round(rps / stock_rps, 2),
                    "×",
                    budget=CACHED_BUDGET,
                    lower_is_better=False,
                    note=f"{rps:.0f} req/s vs stock {stock_rps:.0f} req/s just "
                    f"before; cache hit rate {hits:.0%}",
                ),
            ]
        else:
            ratio = median / stock_median
            results.append(
                Result(
                    f"{name}, uncached: median × stock page",
                    round(ratio, 2),
                    "×",
                    budget=UNCACHED_BUDGET,
                    note=f"{median:.1f} ms vs stock {stock_median:.1f} ms, read in "
                    "turn" + fragment_note(marks),
                )
            )
    return results


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        tmp = Path(tmp)
        stock_dir = tmp / "stock"
        stock_dir.mkdir()
        with stock_site(stock_dir) as stock:
            # One client reads each page hundreds of times a second: the per-client
            # rate limits (search: 30 a minute) would answer 429, which the stock
            # page has no equivalent of.
            # Nor an access log: the stock site's gunicorn writes none either.
            env = production_env(
                f"sqlite:///{tmp / 'portal.sqlite3'}",
                RATE_LIMITS_ENABLED="false",
                GUNICORN_ACCESS_LOG="",
            )
            prepare(env)
            session = _session(env)
            stock_median, _median, _marks = side_by_side(stock, stock, "/")
            stock_rps = throughput(stock, "/")
            results = [
                Result("stock Wagtail home: median", round(stock_median, 1), "ms"),
                Result(
                    f"stock Wagtail home: requests/s at concurrency {CONCURRENCY}",
                    round(stock_rps),
                    "req/s",
                ),
            ]
            for cached in (False, True):
                seconds = "300" if cached else "0"
                with gunicorn_server(
                    {**env, "PAGE_CACHE_SECONDS": seconds}, workers=WORKERS
                ) as base:
                    results += _portal_results(stock, base, session, cached)
            return results


if __name__ == "__main__":
    for result in run():
        print(result.as_dict())
