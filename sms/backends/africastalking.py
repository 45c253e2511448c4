"""Africa's Talking: ``POST …/version1/messaging`` with the ``apiKey`` header and the
form ``username``, ``to``, ``message`` (``from``: a sender id, if any). It answers
``SMSMessageData.Recipients[]`` with ``status``, ``statusCode`` (100–102 accepted;
500–502 the gateway's own errors, worth a retry) and ``messageId``. Inbound: the
incoming-messages callback POSTs a form (``from``, ``text``, ``to``, ``id``…)."""

from django.conf import settings
from django.utils.translation import gettext as _

from sms.backends import BaseSmsBackend, Inbound, SmsError, SmsResult
from sms.backends.http import json_of, post

GATEWAY = "Africa's Talking"
LIVE_URL = "https://api.africastalking.com/version1/messaging"
SANDBOX_URL = "https://api.sandbox.africastalking.com/version1/messaging"
ACCEPTED = {100, 101, 102}  # Processed, Sent, Queued
RETRYABLE = {500, 501, 502}  # InternalServerError, GatewayError, RejectedByGateway


class SmsBackend(BaseSmsBackend):
    name = "africastalking"

    def __init__(self, url=None, username=None, api_key=None, sender_id=None):
        self.username = username or settings.AFRICASTALKING_USERNAME
        self.api_key = api_key or settings.AFRICASTALKING_API_KEY
        self.sender_id = (
            sender_id if sender_id is not None else settings.AFRICASTALKING_SENDER_ID
        )
        default = SANDBOX_URL if self.username == "sandbox" else LIVE_URL
        self.url = url or settings.AFRICASTALKING_URL or default
        if not self.username or not self.api_key:
            raise SmsError(
                _(
                    "Africa's Talking is not configured (AFRICASTALKING_USERNAME, "
                    "AFRICASTALKING_API_KEY)."
                )
            )

    def send(self, phone: str, text: str) -> SmsResult:
        form = {"username": self.username, "to": phone, "message": text}
        if self.sender_id:
            form["from"] = self.sender_id
        response = post(
            self.url,
            gateway=GATEWAY,
            data=form,
            headers={"apiKey": self.api_key, "Accept": "application/json"},
        )
        raw = response.text[:4000]
        body = json_of(response)
        data = body.get("SMSMessageData") if isinstance(body, dict) else None
        recipients = data.get("Recipients") if isinstance(data, dict) else None
        if not recipients or not isinstance(recipients, list):
            detail = data.get("Message") if isinstance(data, dict) else raw[:200]
            raise SmsError(
                _("Africa's Talking refused the message (HTTP %(status)s): %(detail)s")
                % {"status": response.status_code, "detail": detail or "-"},
                status=response.status_code,
                response=raw,
            )
        first = recipients[0] if isinstance(recipients[0], dict) else {}
        code = _int(first.get("statusCode"))
        status = str(first.get("status", ""))
        if code not in ACCEPTED:
            raise SmsError(
                _("Africa's Talking did not send it: %(status)s (%(code)s)")
                % {"status": status or "-", "code": code},
                retry=code in RETRYABLE,
                status=response.status_code,
                response=raw,
            )
        return SmsResult(
            message_id=str(first.get("messageId", "")), status=status, response=raw
        )

    @classmethod
    def parse_inbound(cls, request) -> Inbound | None:
        phone, text = request.POST.get("from", ""), request.POST.get("text", "")
        return Inbound(phone=phone, text=text) if phone else None


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
