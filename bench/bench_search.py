"""Search at 10,000 lessons on SQLite and on PostgreSQL: p95 of the search page
(matching, facet counts, snippets and template) for several query shapes, and the
time from publishing a lesson to finding it.

Each database runs in its own process (`python -m bench.bench_search <database_url>`)
on a throwaway database: tmp/bench-search.sqlite3, and `dt_lessons_bench` on the
PostgreSQL server of BENCH_POSTGRES_URL (default 127.0.0.1, user postgres).
"""

import json
import os
import statistics
import subprocess
import sys
import time

from bench.django_setup import ROOT
from bench.result import Result

LESSONS = 10_000
ENGLISH = 1_000
REPEATS = 15
BUDGET_MS = 100
PUBLISH_BUDGET_MS = 1000
POSTGRES_SERVER = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"
)
POSTGRES_DB = "dt_lessons_bench"

QUERIES = {
    "every lesson matches ('santé')": {"q": "santé"},
    "common word, date order": {"q": "sante", "order": "date"},
    "two words ('supervision district')": {"q": "supervision district"},
    "rare word ('onchocercose')": {"q": "onchocercose"},
    "no match": {"q": "xylophone"},
    "filters only (type + country)": {"type": "good-practice", "country": "GN"},
    "common word + 2 filters, page 5": {
        "q": "sante",
        "topic": "malaria",
        "year": "2024",
        "page": "5",
    },
}


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def _prepare(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.django_setup import setup_django

    setup_django(database_url)


def _site():
    from wagtail.models import Locale

    from demo.home import ensure_home_pages
    from lessons.factories import LessonsIndexPageFactory

    home_fr, home_en = ensure_home_pages()
    library = LessonsIndexPageFactory(parent=home_fr)
    library.save_revision().publish()
    english = library.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    return library, english.specific


def measure(database_url: str) -> dict:
    _prepare(database_url)
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from bench.generate_lessons import generate

    settings.LESSON_BRIEFS_ON_PUBLISH = False  # a worker makes them in production
    settings.ALLOWED_HOSTS = ["*"]
    settings.RATE_LIMITS_ENABLED = False  # every request comes from one client
    library, library_en = _site()
    started = time.perf_counter()
    generate(LESSONS, library)
    generate(ENGLISH, library_en, seed=7)
    generated = time.perf_counter() - started
    print(f"generated in {generated:.1f} s", file=sys.stderr, flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    figures: dict = {"generate_s": round(generated, 1), "queries": {}}
    for name, params in QUERIES.items():
        client.get("/fr/search/", params)  # warm up
        samples, cpu = [], []
        for _ in range(REPEATS):
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get("/fr/search/", params)
            samples.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            assert response.status_code == 200
        figures["queries"][name] = {
            "p95_ms": round(p95(samples), 1),
            "cpu_p95_ms": round(p95(cpu), 1),
            "median_ms": round(statistics.median(samples), 1),
            "total": _total(params),
        }
    samples = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        client.get("/fr/search/autocomplete/", {"q": "sant"})
        samples.append((time.perf_counter() - t0) * 1000)
    figures["autocomplete_p95_ms"] = round(p95(samples), 1)
    figures["publish_ms"] = _publish_latency(library, client)
    figures["explain"] = _explain()
    return figures


def _total(params: dict) -> int:
    from search.engine import run_search
    from search.forms import SearchForm

    form = SearchForm(_query_dict(params))
    return run_search(form.to_query("fr")).total


def _query_dict(params: dict):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update(params)
    return data


def _publish_latency(library, client) -> float:
    """Publish a new lesson and time until the search page finds it."""
    import datetime

    from lessons.factories import LessonPageFactory

    samples = []
    for n in range(5):
        word = f"zanzibarite{n}"
        lesson = LessonPageFactory(
            parent=library,
            title=f"Leçon {word}",
            date=datetime.date(2026, 5, 1),
            live=False,
        )
        t0 = time.perf_counter()
        lesson.save_revision().publish()
        response = client.get("/fr/search/", {"q": word})
        samples.append((time.perf_counter() - t0) * 1000)
        assert word in response.content.decode()
    return round(max(samples), 1)


def _explain() -> str:
    """The plans of the two SQL statements a search runs for a term every lesson
    matches: the full-text match (ids only) and the postings fingerprint."""
    from django.db import connection

    from search import fulltext

    sql, params, _ = fulltext.match_sql(["sante"], "fr")
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    lines = []
    with connection.cursor() as cursor:
        for statement, values in (
            (sql, params),
            ("SELECT COUNT(*), MAX(id) FROM search_searchentry", []),
        ):
            cursor.execute(prefix + statement, values)
            lines += [" ".join(str(c) for c in row) for row in cursor.fetchall()]
    return "\n".join(lines)


def _postgres(action: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")
        if action == "create":
            conn.execute(f"CREATE DATABASE {POSTGRES_DB}")


def _run_child(database_url: str) -> dict:
    output = subprocess.run(
        [sys.executable, "-m", "bench.bench_search", database_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def run() -> list[Result]:
    results: list[Result] = []
    sqlite_path = ROOT / "tmp" / "bench-search.sqlite3"
    sqlite_path.parent.mkdir(exist_ok=True)
    sqlite_path.unlink(missing_ok=True)
    databases = {"SQLite": f"sqlite:///{sqlite_path}"}
    try:
        _postgres("create")
        databases["PostgreSQL"] = f"{POSTGRES_SERVER}/{POSTGRES_DB}"
    except Exception as exc:  # no server: report SQLite only, say why
        print(f"PostgreSQL skipped: {exc}")
    try:
        for label, url in databases.items():
            figures = _run_child(url)
            for name, row in figures["queries"].items():
                results.append(
                    Result(
                        f"{label}: search p95, {name}",
                        row["p95_ms"],
                        "ms",
                        budget=BUDGET_MS,
                        note=(
                            f"{row['total']} results; median {row['median_ms']} ms; "
                            f"CPU time p95 {row['cpu_p95_ms']} ms (wall time counts "
                            "waiting for a core on a shared machine)"
                        ),
                    )
                )
            results.append(
                Result(
                    f"{label}: autocomplete p95", figures["autocomplete_p95_ms"], "ms"
                )
            )
            results.append(
                Result(
                    f"{label}: publish → found by search (worst of 5)",
                    figures["publish_ms"],
                    "ms",
                    budget=PUBLISH_BUDGET_MS,
                )
            )
            results.append(
                Result(
                    f"{label}: generate {LESSONS} + {ENGLISH} lessons",
                    figures["generate_s"],
                    "s",
                    note="query plans: " + figures["explain"].replace("\n", " / "),
                )
            )
    finally:
        sqlite_path.unlink(missing_ok=True)
        if "PostgreSQL" in databases:
            _postgres("drop")
    return results


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1]), ensure_ascii=False))
