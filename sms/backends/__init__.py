"""SMS gateways, chosen by ``settings.SMS_BACKEND`` as Django chooses its e-mail
backend. A backend's ``send(phone, text)`` returns a :class:`SmsResult` or raises
:class:`SmsError`, whose ``retry`` says whether trying later may succeed (a 5xx, a
timeout, a 429 with its ``Retry-After``); its ``parse_inbound(request)`` reads the
gateway's webhook for an incoming message."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SmsResult:
    message_id: str
    status: str
    response: str  # the gateway's answer, as it came


class SmsError(Exception):
    def __init__(
        self,
        message: str,
        *,
        retry: bool = False,
        retry_after: int | None = None,
        status: int | None = None,
        response: str = "",
    ):
        super().__init__(message)
        self.message = message
        self.retry = retry
        self.retry_after = retry_after
        self.status = status
        self.response = response

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Inbound:
    phone: str
    text: str


class BaseSmsBackend:
    #: The path segment of its inbound webhook: /sms/inbound/<name>/
    name = ""

    def send(self, phone: str, text: str) -> SmsResult:
        raise NotImplementedError

    @classmethod
    def parse_inbound(cls, request) -> Inbound | None:
        """The sender and text of an incoming message, or None if unreadable."""
        return None


def get_backend(path: str | None = None) -> BaseSmsBackend:
    return import_string(path or settings.SMS_BACKEND)()


def retry_after_seconds(value: str | None) -> int | None:
    """A ``Retry-After`` header in seconds (an HTTP date counts as unknown)."""
    try:
        return max(0, int(str(value).strip()))
    except (TypeError, ValueError):
        return None
