"""A local LibreTranslate: ``POST /translate`` as its API documents it.

JSON or form body with ``q`` (a string or a list), ``source``, ``target``, ``format``
(``text`` or ``html``) and ``api_key``; answers ``{"translatedText": ...}`` of the
same shape as ``q``, or ``{"error": ...}`` with 400 (bad request), 403 (bad key),
429 (too many requests) or 500. The "translation" is a small glossary plus a
``[target]`` prefix, enough to see which text came back."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

GLOSSARY = {
    "Nos revues ont lieu chaque mois.": "Our reviews happen every month.",
    "Our reviews happen monthly.": "Nos revues ont lieu tous les mois.",
}


class LibreTranslate(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, api_key="lt-test-key"):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.api_key = api_key
        self.requests: list[dict] = []
        self.fail_with: int | None = None  # answer every request with this status
        self.answer: object = None  # a raw answer instead of a translation
        self.delay = 0.0  # seconds before answering (a slow server)
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


def _translate(text: str, target: str) -> str:
    for source, translated in GLOSSARY.items():
        text = text.replace(source, translated)
    return f"[{target}] {text}"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _reply(self, status: int, payload) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        server: LibreTranslate = self.server
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if self.path != "/translate":
            return self._reply(404, {"error": "Not Found"})
        if self.headers.get("Content-Type", "").startswith("application/json"):
            data = json.loads(raw or "{}")
        else:
            data = {key: values[-1] for key, values in parse_qs(raw).items()}
        server.requests.append(data)
        time.sleep(server.delay)
        if server.fail_with:
            return self._reply(
                server.fail_with, {"error": "Slowdown: too many requests"}
            )
        if data.get("api_key") != server.api_key:
            return self._reply(403, {"error": "Invalid API key"})
        if not data.get("q") or not data.get("source") or not data.get("target"):
            return self._reply(400, {"error": "Invalid request: missing q parameter"})
        if server.answer is not None:
            return self._reply(200, server.answer)
        q, target = data["q"], data["target"]
        if isinstance(q, list):
            translated = [_translate(text, target) for text in q]
        else:
            translated = _translate(q, target)
        return self._reply(200, {"translatedText": translated})
