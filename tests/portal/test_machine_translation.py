"""Issue 12: wagtail-localize's machine translator, configured from the environment,
translates a cycle through a local server that speaks LibreTranslate's API
(`POST /translate` with `q`, `source`, `target`, `api_key`, `format`)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from portal.env import machine_translator_settings

pytestmark = pytest.mark.django_db

GLOSSARY = {
    "Ruptures de vaccins": "Vaccine stock-outs",
    "Nombre de ruptures": "Number of stock-outs",
}


class FakeLibreTranslate(BaseHTTPRequestHandler):
    requests: list = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeLibreTranslate.requests.append(body)
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        answer = {"translatedText": [GLOSSARY.get(t, f"[en] {t}") for t in texts]}
        payload = json.dumps(answer).encode()
        self.send_response(200 if self.path == "/translate" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeLibreTranslate.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_translate_button_fills_the_english_cycle_from_libretranslate(
    client, settings, libretranslate, facilitator, home_page_en
):
    from wagtail.models import Page

    from cycles.factories import CycleIndexPageFactory
    from cycles.translation import ensure_translation
    from tests.cycles.conftest import make_cycle

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_settings(
        "libretranslate", url=libretranslate + "/", api_key="secret"
    )
    index = CycleIndexPageFactory(
        parent=Page.objects.get(depth=2, locale__language_code="fr")
    )
    cycle = make_cycle(index)
    english = ensure_translation(cycle, "en")
    translation = Translation.objects.get(
        target_locale=english.locale, source__object_id=cycle.translation_key
    )
    client.force_login(facilitator)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id])
    )
    assert response.status_code == 302
    sent = FakeLibreTranslate.requests
    assert sent and sent[0]["source"] == "fr" and sent[0]["target"] == "en"
    assert sent[0]["api_key"] == "secret"
    done = dict(
        StringTranslation.objects.filter(locale=english.locale).values_list(
            "translation_of__data", "data"
        )
    )
    assert done["Nombre de ruptures"] == "Number of stock-outs"
    assert done["Ruptures de vaccins"] == "Vaccine stock-outs"
