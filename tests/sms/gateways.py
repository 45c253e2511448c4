"""Local HTTP servers that speak the gateways' documented protocols (127.0.0.1, a
free port), so the tests go through the real client code over real HTTP.

RapidPro (``POST /api/v2/broadcasts.json``): checks ``Authorization: Token <token>``
(401 ``{"detail": "Invalid token."}`` otherwise) and the JSON payload (400 with DRF's
field errors); answers 201 with the broadcast. Africa's Talking
(``POST /version1/messaging``): checks the ``apiKey`` header and the form; answers
201 with ``SMSMessageData.Recipients``. Each server can be told to answer the next
requests otherwise: ``server.script = [(429, {"Retry-After": "7"}, body), …]``."""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

RAPIDPRO_TOKEN = "rp-test-token"
AT_USERNAME, AT_KEY = "sandbox", "at-test-key"


class GatewayServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)
        self.requests: list[dict] = []
        self.script: list[tuple[int, dict, object]] = []
        self.delay = 0.0
        self.next_id = 1000
        self.answers_uuid = False  # RapidPro: name broadcasts by "uuid" (current)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: GatewayServer

    def log_message(self, *args):  # quiet
        pass

    def _answer(self, status: int, body, headers: dict | None = None) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        self.server.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": raw}
        )
        if self.server.delay:
            time.sleep(self.server.delay)
        if self.server.script:
            status, headers, body = self.server.script.pop(0)
            return self._answer(status, body, headers)
        return self.handle_request(raw)


class RapidProHandler(_Handler):
    def handle_request(self, raw: bytes):
        if self.path != "/api/v2/broadcasts.json":
            return self._answer(404, {"detail": "Not found."})
        if self.headers.get("Authorization") != f"Token {RAPIDPRO_TOKEN}":
            return self._answer(401, {"detail": "Invalid token."})
        try:
            payload = json.loads(raw)
        except ValueError:
            return self._answer(400, {"detail": "JSON parse error"})
        errors = {}
        urns = payload.get("urns")
        if not urns or not all(
            re.match(r"^(tel:\+|whatsapp:)\d+$", str(u)) for u in urns
        ):
            errors["urns"] = ["Invalid URN: " + ", ".join(map(str, urns or []))]
        if not payload.get("text"):
            errors["text"] = ["This field is required."]
        if errors:
            return self._answer(400, errors)
        self.server.next_id += 1
        # RapidPro since its broadcast rework names it by UUID; before, by an integer id.
        name = (
            {"uuid": f"0199bb98-3637-778d-9dfc-{self.server.next_id:012d}"}
            if self.server.answers_uuid
            else {"id": self.server.next_id}
        )
        return self._answer(
            201,
            {
                **name,
                "urns": urns,
                "contacts": [],
                "groups": [],
                "text": {"und": payload["text"]},
                "status": "queued",
                "created_on": "2031-03-01T08:00:00.000000Z",
            },
        )


class AfricasTalkingHandler(_Handler):
    def handle_request(self, raw: bytes):
        if self.path != "/version1/messaging":
            return self._answer(404, b"Not found")
        if self.headers.get("apiKey") != AT_KEY:
            return self._answer(401, b"The supplied authentication is invalid")
        form = {key: values[0] for key, values in parse_qs(raw.decode()).items()}
        if form.get("username") != AT_USERNAME or not form.get("message"):
            return self._answer(400, b"Request is missing required form field")
        number = form.get("to", "")
        if not number.startswith("+"):
            recipient = {
                "statusCode": 403,
                "number": number,
                "status": "InvalidPhoneNumber",
                "cost": "0",
                "messageId": "None",
            }
        else:
            self.server.next_id += 1
            recipient = {
                "statusCode": 101,
                "number": number,
                "status": "Success",
                "cost": "XOF 15.0000",
                "messageId": f"ATXid_{self.server.next_id}",
            }
        return self._answer(
            201,
            {
                "SMSMessageData": {
                    "Message": "Sent to 1/1 Total Cost: XOF 15.0000",
                    "Recipients": [recipient],
                }
            },
        )


def rapidpro_server() -> GatewayServer:
    return GatewayServer(RapidProHandler)


def africastalking_server() -> GatewayServer:
    return GatewayServer(AfricasTalkingHandler)
