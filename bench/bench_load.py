"""The load test as part of `make bench` (about two minutes with set-up).

Set BENCH_SKIP_LOAD=1 to skip it; the previous load figures then stay in the report.
"""

import os

from bench.result import Result


def run() -> list[Result]:
    if os.environ.get("BENCH_SKIP_LOAD"):
        return []
    from bench.load import run as run_load

    return run_load()
