"""A DHIS2-speaking HTTP server for the tests, on 127.0.0.1 and a free port.

Payload shapes follow the DHIS2 Web API documentation (dhis2/dhis2-docs,
src/developer/web-api): collections carry a ``pager`` (page, pageCount, total,
pageSize, nextPage); ``/api/analytics`` answers ``headers``, ``metaData`` (``items``,
``dimensions``), ``rows``, ``height``, ``width``; ``/api/dataValueSets`` answers an
import summary (``status``, ``importCount`` {imported, updated, ignored, deleted},
``conflicts`` [{object, value}]) inside the WebMessage ``response`` wrapper of DHIS2
2.38+, with HTTP 409 when there are conflicts, or bare as older servers do; errors are
WebMessages (httpStatus, httpStatusCode, status, message).
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

TOKEN = "d2pat_testtoken0000000000000000000000000001"


def web_message(status: int, http_status: str, message: str, **extra) -> dict:
    return {
        "httpStatus": http_status,
        "httpStatusCode": status,
        "status": "ERROR",
        "message": message,
        **extra,
    }


def org_unit(uid, name, level, parent=None, ancestors=(), code=None) -> dict:
    unit = {"id": uid, "name": name, "level": level}
    if code:
        unit["code"] = code
    if parent:
        unit["parent"] = {"id": parent[0], "name": parent[1]}
    unit["ancestors"] = [
        {"id": a[0], "name": a[1], "level": i + 1} for i, a in enumerate(ancestors)
    ]
    return unit


@dataclass
class FakeDhis2:
    org_units: list[dict] = field(default_factory=list)
    #: analytics values: (dx, pe, ou) → value string
    analytics: dict[tuple[str, str, str], str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    data_elements: set[str] = field(default_factory=set)
    stored_values: dict[tuple, str] = field(default_factory=dict)
    #: path (without /api/) → one of 401, 403, 500, "truncated", "not_json", "hang"
    failures: dict[str, object] = field(default_factory=dict)
    legacy_import_summary: bool = False
    requests: list[dict] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def requests_to(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]

    # --- endpoints ----------------------------------------------------------------
    def organisation_units(self, query):
        level = None
        root = None
        for rule in query.get("filter", []):
            if rule.startswith("level:eq:"):
                level = int(rule.rsplit(":", 1)[1])
            if rule.startswith("path:like:"):
                root = rule.rsplit(":", 1)[1]
        units = [
            u
            for u in self.org_units
            if (level is None or u["level"] == level)
            and (root is None or root in [a["id"] for a in u["ancestors"]] + [u["id"]])
        ]
        page = int(query.get("page", ["1"])[0])
        page_size = int(query.get("pageSize", ["50"])[0])
        total = len(units)
        page_count = max(1, math.ceil(total / page_size))
        pager = {
            "page": page,
            "pageCount": page_count,
            "total": total,
            "pageSize": page_size,
        }
        if page < page_count:
            pager["nextPage"] = (
                f"{self.url}/api/organisationUnits?page={page + 1}&pageSize={page_size}"
            )
        start = (page - 1) * page_size
        return 200, {
            "pager": pager,
            "organisationUnits": units[start : start + page_size],
        }

    def analytics_answer(self, query):
        dims = {}
        for dimension in query.get("dimension", []):
            key, _sep, items = dimension.partition(":")
            dims[key] = items.split(";")
        rows = [
            [dx, pe, ou, value]
            for (dx, pe, ou), value in sorted(self.analytics.items())
            if dx in dims.get("dx", [])
            and pe in dims.get("pe", [])
            and ou in dims.get("ou", [])
        ]
        used = {uid for row in rows for uid in row[:3]}
        items = {uid: {"name": self.names.get(uid, uid)} for uid in sorted(used)}
        items.update(
            {
                "dx": {"name": "Data"},
                "pe": {"name": "Period"},
                "ou": {"name": "Organisation unit"},
            }
        )
        headers = [
            {
                "name": "dx",
                "column": "Data",
                "valueType": "TEXT",
                "type": "java.lang.String",
                "hidden": False,
                "meta": True,
            },
            {
                "name": "pe",
                "column": "Period",
                "valueType": "TEXT",
                "type": "java.lang.String",
                "hidden": False,
                "meta": True,
            },
            {
                "name": "ou",
                "column": "Organisation unit",
                "valueType": "TEXT",
                "type": "java.lang.String",
                "hidden": False,
                "meta": True,
            },
            {
                "name": "value",
                "column": "Value",
                "valueType": "NUMBER",
                "type": "java.lang.Double",
                "hidden": False,
                "meta": False,
            },
        ]
        body = {
            "headers": headers,
            "metaData": {"items": items, "dimensions": dict(dims)},
            "rows": rows,
            "height": len(rows),
            "width": len(headers),
            "headerWidth": len(headers),
        }
        return 200, body

    #: (property, kind of object, DHIS2 message, error code) checked for each value
    CHECKS = (
        (
            "dataElement",
            "dataElement",
            "Data element not found or not accessible",
            "E7610",
        ),
        (
            "orgUnit",
            "organisationUnit",
            "Organisation unit not found or not accessible",
            "E7612",
        ),
    )

    def _conflict(self, value: dict, index: int, known_units: set) -> dict | None:
        known = {"dataElement": self.data_elements, "orgUnit": known_units}
        for prop, kind, message, code in self.CHECKS:
            if value[prop] not in known[prop]:
                return {
                    "object": value[prop],
                    "objects": {kind: value[prop]},
                    "value": message,
                    "errorCode": code,
                    "property": prop,
                    "indexes": [index],
                }
        return None

    def data_value_sets(self, query, payload):
        dry_run = query.get("dryRun", ["false"])[0] == "true"
        known_units = {u["id"] for u in self.org_units}
        imported = updated = ignored = 0
        conflicts = []
        for index, value in enumerate(payload.get("dataValues", [])):
            conflict = self._conflict(value, index, known_units)
            if conflict:
                ignored += 1
                conflicts.append(conflict)
                continue
            key = (
                value["dataElement"],
                value.get("categoryOptionCombo", ""),
                value["period"],
                value["orgUnit"],
            )
            if key in self.stored_values:
                updated += 1
            else:
                imported += 1
            if not dry_run:
                self.stored_values[key] = value["value"]
        status = "WARNING" if conflicts else "SUCCESS"
        summary = {
            "responseType": "ImportSummary",
            "status": status,
            "importOptions": {
                "idSchemes": {},
                "dryRun": dry_run,
                "async": False,
                "importStrategy": "CREATE_AND_UPDATE",
            },
            "description": "Import process completed successfully",
            "importCount": {
                "imported": imported,
                "updated": updated,
                "ignored": ignored,
                "deleted": 0,
            },
            "conflicts": conflicts,
            "dataSetComplete": "false",
        }
        if self.legacy_import_summary:
            return 200, summary
        if conflicts:
            return 409, {
                "httpStatus": "Conflict",
                "httpStatusCode": 409,
                "status": "WARNING",
                "message": "One more conflicts encountered, please check import summary.",
                "response": summary,
            }
        return 200, {
            "httpStatus": "OK",
            "httpStatusCode": 200,
            "status": "OK",
            "message": "Import was successful.",
            "response": summary,
        }


def _handler_for(fake: FakeDhis2):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(
            self, status: int, body, content_type="application/json;charset=UTF-8"
        ):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _handle(self, method: str):
            parsed = urlparse(self.path)
            path = parsed.path.removeprefix("/api/")
            query = parse_qs(parsed.query)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            payload = json.loads(raw) if raw else None
            fake.requests.append(
                {
                    "method": method,
                    "path": path,
                    "query": query,
                    "authorization": self.headers.get("Authorization", ""),
                    "json": payload,
                }
            )
            failure = fake.failures.get(path)
            if failure == "hang":
                fake.release.wait(30)
                return
            if (
                self.headers.get("Authorization") != f"ApiToken {TOKEN}"
                or failure == 401
            ):
                return self._send(401, web_message(401, "Unauthorized", "Unauthorized"))
            if failure == 403:
                return self._send(403, web_message(403, "Forbidden", "Access denied"))
            if failure == 500:
                return self._send(
                    500,
                    web_message(
                        500, "Internal Server Error", "java.lang.NullPointerException"
                    ),
                )
            if failure == "not_json":
                return self._send(200, b"<html><body>Login</body></html>", "text/html")
            if failure == "truncated":
                return self._send(
                    200,
                    b'{"pager": {"page": 1, "pageCount": 2}, "organisationUnits": [{"id": "abc',
                )
            if path == "organisationUnits":
                status, body = fake.organisation_units(query)
            elif path == "analytics":
                status, body = fake.analytics_answer(query)
            elif path == "dataValueSets" and method == "POST":
                status, body = fake.data_value_sets(query, payload or {})
            elif path == "system/info":
                status, body = (
                    200,
                    {
                        "version": "2.41.1",
                        "revision": "d2f8b4c",
                        "serverDate": "2026-11-26T03:00:00.000",
                        "systemName": "Fake DHIS 2",
                    },
                )
            elif path == "me":
                status, body = (
                    200,
                    {
                        "id": "xE7jOejl9FI",
                        "username": "admin",
                        "displayName": "John Traore",
                    },
                )
            else:
                status, body = (
                    404,
                    web_message(404, "Not Found", f"Path {parsed.path} not found"),
                )
            self._send(status, body)

        def do_GET(self):
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

    return Handler


class RunningServer:
    def __init__(self, fake: FakeDhis2):
        self.fake = fake
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(fake))
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        fake.url = f"http://{host}:{port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeDhis2:
        self.thread.start()
        return self.fake

    def __exit__(self, *exc):
        self.fake.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
