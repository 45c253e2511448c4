"""`make load`: 50 simulated users for 60 s against gunicorn on PostgreSQL and Redis.

Bounded and loopback only: a throwaway PostgreSQL database (dt_quality_load by default,
LOAD_DATABASE), Redis db 4 (LOAD_REDIS_URL), production settings with a throwaway
secret key and SECURE_SSL_REDIRECT off, seeded with `seed_demo`. Rate limits are
switched off: every simulated user comes from 127.0.0.1. Writes the p50/p95/p99 of each
request type, the errors and the throughput of anonymous pages through bench/run.py
(bench/results.json and docs/benchmarks.md).
"""

import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.result import Result
from bench.server import ROOT, gunicorn_server, prepare, production_env
from bench.stock import stock_site

POSTGRES = os.environ.get("LOAD_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("LOAD_DATABASE", "dt_quality_load")
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/4")
USERS = int(os.environ.get("LOAD_USERS", "50"))
DURATION = os.environ.get("LOAD_DURATION", "60s")
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))
# Readers of the stock page, on top of USERS portal users (locustfile StockReader).
STOCK_USERS = int(os.environ.get("LOAD_STOCK_USERS", "5"))
LOCUST = Path(sys.executable).with_name("locust")
# Every page an anonymous reader requests (bench/locustfile.py AnonymousReader). With
# REDIS_URL set the page cache is on (production's default), so these are mostly
# stored pages, purged by what the simulated members change.
ANONYMOUS_PAGES = (
    "home fr (anonymous)",
    "home en (anonymous)",
    "cycles index (anonymous)",
    "cycle page (anonymous)",
    "lessons index (anonymous)",
    "lesson page (anonymous)",
)


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')


def drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def clear_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def member_usernames(env: dict[str, str]) -> str:
    """The first demo member of 40 districts (`hdmt-<district>-1`): one district per
    simulated member, so their drafts and submits never merge with each other's."""
    code = (
        "from django.contrib.auth import get_user_model;"
        "print(','.join(get_user_model().objects.filter(username__startswith='hdmt-',"
        " username__endswith='-1').order_by('username')"
        ".values_list('username', flat=True)[:40]))"
    )
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def run_locust(base_url: str, env: dict[str, str], csv_prefix: Path) -> None:
    subprocess.run(
        [
            str(LOCUST),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(USERS + (STOCK_USERS if env.get("LOAD_STOCK_URL") else 0)),
            "--spawn-rate",
            "10",
            "--run-time",
            DURATION,
            "--host",
            base_url,
            "--csv",
            str(csv_prefix),
            "--only-summary",
            "--stop-timeout",
            "5",
            "--exit-code-on-error",
            "0",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )


P95_BUDGET = 5.0  # each page's p95 × the stock page's p95 in the same run
STOCK_NAME = "stock Wagtail home"
NOT_PAGES = ("login", "login form", "draft save", "survey submit", STOCK_NAME)


def stock_ratios(rows: list[dict]) -> list[Result]:
    """Each page's p95 as a multiple of the stock page's p95 read in the same run."""
    stock = next((row for row in rows if row["Name"] == STOCK_NAME), None)
    if stock is None or not float(stock["95%"]):
        return []
    stock_p95 = float(stock["95%"])
    return [
        Result(
            f"{row['Name']} p95 × stock p95",
            round(float(row["95%"]) / stock_p95, 2),
            "×",
            budget=P95_BUDGET,
            note=f"{float(row['95%']):.0f} ms vs stock {stock_p95:.0f} ms",
        )
        for row in rows
        if row["Type"] == "GET" and row["Name"] not in NOT_PAGES
    ]


def results_from_csv(stats_csv: Path) -> list[Result]:
    with stats_csv.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    results = stock_ratios(rows)
    anonymous_throughput = 0.0
    for row in rows:
        name = row["Name"]
        if row["Type"] == "" and name == "Aggregated":
            results.append(
                Result(
                    "errors (all requests)",
                    int(row["Failure Count"]),
                    "requests",
                    budget=0,
                    note=f"{row['Request Count']} requests in all",
                )
            )
            results.append(
                Result(
                    "throughput (all requests)",
                    round(float(row["Requests/s"]), 1),
                    "req/s",
                    lower_is_better=False,
                )
            )
            continue
        for percentile in ("50%", "95%", "99%"):
            results.append(
                Result(f"{name} p{percentile[:-1]}", float(row[percentile]), "ms")
            )
        if name in ANONYMOUS_PAGES:
            anonymous_throughput += float(row["Requests/s"])
    results.append(
        Result(
            "throughput of anonymous pages",
            round(anonymous_throughput, 1),
            "req/s",
            lower_is_better=False,
            note=f"{USERS} users, {DURATION}, {WORKERS} gunicorn workers",
        )
    )
    return results


def run() -> list[Result]:
    recreate_database()
    clear_redis()
    env = production_env(
        f"{POSTGRES}/{DATABASE}",
        REDIS_URL=REDIS_URL,
        RATE_LIMITS_ENABLED="false",
        DATABASE_CONN_MAX_AGE="60",
    )
    try:
        prepare(env)
        env["LOAD_USERNAMES"] = member_usernames(env)
        with tempfile.TemporaryDirectory(prefix="load-") as tmp:
            stock_dir = Path(tmp) / "stock"
            stock_dir.mkdir()
            with (
                stock_site(stock_dir, workers=WORKERS) as stock_url,
                gunicorn_server(env, workers=WORKERS) as base_url,
            ):
                run_locust(
                    base_url, {**env, "LOAD_STOCK_URL": stock_url}, Path(tmp) / "load"
                )
            return results_from_csv(Path(tmp) / "load_stats.csv")
    finally:
        clear_redis()
        drop_database()


if __name__ == "__main__":
    from bench.run import main

    sys.exit(main(["load"]))
