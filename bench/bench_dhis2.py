"""DHIS2 exchanges against the DHIS2-speaking test server on 127.0.0.1.

Figures: org-unit sync of 1,000 units over 20 pages (first run and the idempotent
second run), an analytics refresh of 9,600 rows and reading it back for a chart,
and building a data value set for 500 districts × 20 mapped values.
"""

import time

from bench.django_setup import setup_django
from bench.result import Result


def run() -> list[Result]:
    setup_django()
    from dhis2.client import Dhis2Client
    from dhis2.models import AnalyticsQuery
    from dhis2.payloads import ExportPlan, ValueRule, build_data_value_set
    from dhis2.selectors import snapshot_table
    from dhis2.services import refresh_snapshot, sync_org_units
    from districts.models import Country
    from tests.dhis2.conftest import fast_connection
    from tests.dhis2.fake_dhis2 import FakeDhis2, RunningServer, org_unit

    results = []
    country = Country.objects.create(
        code="ZZ", name="Benchland", dhis2_uid="ZZ000000001"
    )
    fake = FakeDhis2()
    fake.org_units = [
        org_unit(
            f"OU{n:09d}",
            f"District {n}",
            3,
            parent=(f"RG{n % 12:09d}", f"Région {n % 12}"),
            ancestors=(
                ("ZZ000000001", "Benchland"),
                (f"RG{n % 12:09d}", f"Région {n % 12}"),
            ),
        )
        for n in range(1000)
    ]
    dx = [f"DX{n:09d}" for n in range(20)]
    pe = [f"2025{m:02d}" for m in range(1, 13)]
    ou = [f"OU{n:09d}" for n in range(40)]
    fake.analytics = {
        (d, p, o): f"{(hash((d, p, o)) % 1000) / 10}"
        for d in dx
        for p in pe
        for o in ou
    }
    with RunningServer(fake):
        client = Dhis2Client(
            fast_connection(fake.url, read_timeout=30, total_budget=55)
        )
        for label in ("first", "second"):
            started = time.perf_counter()
            report = sync_org_units(client, 3, country=country, page_size=50)
            elapsed = time.perf_counter() - started
            results.append(
                Result(
                    f"org-unit sync, 1,000 units / 20 pages ({label} run)",
                    round(elapsed, 2),
                    "s",
                    note=f"created {len(report.created)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}",
                )
            )
        query = AnalyticsQuery.objects.create(
            name="bench",
            data_items=";".join(dx),
            periods=";".join(pe),
            org_units=";".join(ou),
        )
        started = time.perf_counter()
        snapshot = refresh_snapshot(query, client)
        results.append(
            Result(
                "analytics refresh, 9,600 rows",
                round(time.perf_counter() - started, 2),
                "s",
                note=snapshot.last_error or f"{len(snapshot.data)} rows stored",
            )
        )
        started = time.perf_counter()
        table = snapshot_table(snapshot.pk)
        results.append(
            Result(
                "snapshot_table read, 9,600 rows",
                round((time.perf_counter() - started) * 1000, 1),
                "ms",
                note=f"{len(table)} rows",
            )
        )
    rules = tuple(ValueRule(f"q{n}", f"DE{n:09d}") for n in range(20))
    rows = [
        {"org_unit": f"OU{n:09d}", "answers": {f"q{k}": k + n for k in range(20)}}
        for n in range(500)
    ]
    started = time.perf_counter()
    payload = build_data_value_set(rows, ExportPlan(rules=rules), "2025Q3")
    results.append(
        Result(
            "build data value set, 500 districts × 20 values",
            round((time.perf_counter() - started) * 1000, 1),
            "ms",
            note=f"{len(payload['dataValues'])} data values",
        )
    )
    for result in results:
        result.benchmark = "dhis2"
    return results
