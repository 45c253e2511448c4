"""`make bench`: run every benchmark module and write bench/results.json and
docs/benchmarks.md (machine, date, each figure beside its budget).

A benchmark is a module `bench/bench_<name>.py` with `run() -> list[Result]`. Each
module sets up what it needs (its own database, servers) and cleans up after itself.
"""

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

from bench.result import Result

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_JSON = BENCH_DIR / "results.json"
REPORT_MD = ROOT / "docs" / "benchmarks.md"


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gib": round(
            os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1
        ),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        ).stdout.strip(),
    }


def discover(selected: list[str]) -> list[str]:
    names = sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))
    if selected:
        names = [n for n in names if any(s in n for s in selected)]
    return names


def render_markdown(report: dict) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Run on {report['date']} by `make bench` (commit `{report['machine']['commit']}`): "
        f"Python {report['machine']['python']}, {report['machine']['cpus']} CPUs, "
        f"{report['machine']['memory_gib']} GiB, {report['machine']['platform']}; "
        f"load average {report['machine'].get('load_average_1min', '?')} at the end "
        "(the machine is shared: read latencies with that in mind).",
        "",
        "| benchmark | figure | value | budget | within budget |",
        "|---|---|---|---|---|",
    ]
    for row in report["results"]:
        verdict = {True: "yes", False: "**no**", None: "—"}[row["ok"]]
        budget = row["budget"] if row["budget"] is not None else "—"
        name = row["name"]
        if row.get("measured"):
            name += f" (measured {row['measured']})"
        lines.append(
            f"| {row['benchmark']} | {name} | {row['value']} {row['unit']} "
            f"| {budget} | {verdict} |"
        )
    notes = [r for r in report["results"] if r.get("note")]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- **{r['benchmark']} / {r['name']}**: {r['note']}" for r in notes]
    if report["errors"]:
        lines += ["", "## Benchmarks that failed to run", ""]
        lines += [f"- `{name}`: {error}" for name, error in report["errors"].items()]
    return "\n".join(lines) + "\n"


def merged_with_previous(rows: list[dict]) -> list[dict]:
    """Keep earlier figures of benchmarks that did not run this time (`make load`,
    `python -m bench.run pages`, BENCH_SKIP_LOAD=1), marked with their date."""
    if not RESULTS_JSON.exists():
        return rows
    previous = json.loads(RESULTS_JSON.read_text())
    ran = {row["benchmark"] for row in rows}
    kept = []
    for row in previous.get("results", []):
        if row["benchmark"] not in ran:
            row.setdefault("measured", previous.get("date", ""))
            kept.append(row)
    return sorted(kept + rows, key=lambda row: row["benchmark"])


def run_isolated(name: str) -> list[Result]:
    """Run one benchmark module in a process of its own: each sets Django up on its
    own database, which a process can do only once."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.run", "--child", name],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{name} exited with {completed.returncode}")
    *chatter, last = completed.stdout.strip().splitlines() or [""]
    if chatter:
        print("\n".join(chatter), flush=True)
    rows = json.loads(last)
    return [Result(**row) for row in rows]


def child(name: str) -> None:
    """Run one module and print its results as JSON on the last line of stdout."""
    module = importlib.import_module(f"bench.{name}")
    rows = []
    for result in module.run():
        row = result.as_dict()
        row.pop("ok")
        rows.append(row)
    sys.stdout.flush()
    print(json.dumps(rows, ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(argv[1])
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "only", nargs="*", help="run only benchmarks whose name contains this"
    )
    args = parser.parse_args(argv)
    results: list[Result] = []
    errors: dict[str, str] = {}
    for name in discover(args.only):
        started = time.perf_counter()
        print(f"--- {name}", flush=True)
        try:
            for result in run_isolated(name):
                result.benchmark = result.benchmark or name.removeprefix("bench_")
                results.append(result)
                print(f"    {result.name}: {result.value} {result.unit}", flush=True)
        except Exception as exc:  # a failed benchmark is reported, not hidden
            traceback.print_exc()
            errors[name] = f"{type(exc).__name__}: {exc}"
        print(f"    ({time.perf_counter() - started:.1f} s)", flush=True)
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "results": merged_with_previous([r.as_dict() for r in results]),
        "errors": errors,
    }
    RESULTS_JSON.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    REPORT_MD.write_text(render_markdown(report))
    print(f"wrote {RESULTS_JSON.relative_to(ROOT)} and {REPORT_MD.relative_to(ROOT)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
