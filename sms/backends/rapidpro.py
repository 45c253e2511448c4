"""RapidPro / TextIt: ``POST {RAPIDPRO_URL}/api/v2/broadcasts.json`` with
``Authorization: Token <RAPIDPRO_TOKEN>`` and ``{"urns": ["tel:+229…"], "text": …}``.

RapidPro answers 201 with the broadcast (``id``, ``status``…); a bad request is a
400 whose body maps fields to their errors (``{"urns": ["…"]}``, or
``non_field_errors``); a throttled one a 429 with ``Retry-After``. Inbound: a flow's
"Call webhook" action POSTs its JSON (``contact.urn``, ``input.text``…)."""

import json

from django.conf import settings
from django.utils.translation import gettext as _

from sms.backends import BaseSmsBackend, Inbound, SmsError, SmsResult
from sms.backends.http import json_of, post

GATEWAY = "RapidPro"


class SmsBackend(BaseSmsBackend):
    name = "rapidpro"

    def __init__(self, url: str | None = None, token: str | None = None):
        self.url = (url or settings.RAPIDPRO_URL).rstrip("/")
        self.token = token or settings.RAPIDPRO_TOKEN
        #: "tel" (SMS) or "whatsapp", where the workspace has a WhatsApp channel
        self.scheme = settings.RAPIDPRO_URN_SCHEME
        if not self.url or not self.token:
            raise SmsError(
                _("RapidPro is not configured (RAPIDPRO_URL, RAPIDPRO_TOKEN).")
            )

    def send(self, phone: str, text: str) -> SmsResult:
        response = post(
            f"{self.url}/api/v2/broadcasts.json",
            gateway=GATEWAY,
            json={"urns": [urn(self.scheme, phone)], "text": text},
            headers={
                "Authorization": f"Token {self.token}",
                "Accept": "application/json",
            },
        )
        body = json_of(response)
        if response.status_code not in (200, 201) or not isinstance(body, dict):
            raise SmsError(
                _("RapidPro refused the message (HTTP %(status)s): %(detail)s")
                % {"status": response.status_code, "detail": _errors_of(body)},
                status=response.status_code,
                response=response.text[:4000],
            )
        return SmsResult(
            # Current RapidPro names a broadcast by "uuid"; older releases by "id".
            message_id=str(body.get("uuid") or body.get("id") or ""),
            status=str(body.get("status", "")),
            response=response.text[:4000],
        )

    @classmethod
    def parse_inbound(cls, request) -> Inbound | None:
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return None
        if not isinstance(body, dict):
            return None
        contact = body.get("contact") if isinstance(body.get("contact"), dict) else {}
        given = body.get("input") if isinstance(body.get("input"), dict) else {}
        address = given.get("urn") or contact.get("urn") or body.get("urn") or ""
        text = given.get("text") or body.get("text") or ""
        if not isinstance(address, str) or not isinstance(text, str) or not address:
            return None
        return Inbound(phone=address.split(":", 1)[-1], text=text)


def urn(scheme: str, phone: str) -> str:
    """RapidPro's URN of a number: ``tel:+229…``; WhatsApp's has no "+"."""
    return f"whatsapp:{phone.lstrip('+')}" if scheme == "whatsapp" else f"tel:{phone}"


def _errors_of(body) -> str:
    """DRF's error body in one line: ``urns: … ; text: …`` or its ``detail``."""
    if not isinstance(body, dict):
        return _("no readable answer")
    if "detail" in body:
        return str(body["detail"])
    parts = []
    for field, errors in body.items():
        errors = errors if isinstance(errors, list) else [errors]
        label = "" if field == "non_field_errors" else f"{field}: "
        parts.append(label + " ".join(str(error) for error in errors))
    return "; ".join(parts) or _("no readable answer")
