"""What the HTTP gateways share: one POST, its failures turned into SmsError."""

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from sms.backends import SmsError, retry_after_seconds

CONNECT_TIMEOUT = 5.0


def post(url: str, *, gateway: str, **kwargs) -> requests.Response:
    """The gateway's answer to a POST; a timeout, a dropped connection, a 429 or a
    5xx raises a retryable SmsError (a 429's Retry-After kept)."""
    try:
        response = requests.post(
            url, timeout=(CONNECT_TIMEOUT, settings.SMS_TIMEOUT_SECONDS), **kwargs
        )
    except requests.Timeout as error:
        raise SmsError(
            _("%(gateway)s did not answer in time.") % {"gateway": gateway}, retry=True
        ) from error
    except requests.RequestException as error:
        raise SmsError(
            _("%(gateway)s could not be reached: %(error)s")
            % {"gateway": gateway, "error": error.__class__.__name__},
            retry=True,
        ) from error
    if response.status_code == 429:
        raise SmsError(
            _("%(gateway)s asks to slow down (too many requests).")
            % {"gateway": gateway},
            retry=True,
            retry_after=retry_after_seconds(response.headers.get("Retry-After")),
            status=429,
            response=response.text[:4000],
        )
    if response.status_code >= 500:
        raise SmsError(
            _("%(gateway)s had an error (HTTP %(status)s).")
            % {"gateway": gateway, "status": response.status_code},
            retry=True,
            status=response.status_code,
            response=response.text[:4000],
        )
    if response.status_code in (401, 403):
        raise SmsError(
            _(
                "%(gateway)s refused the credentials (HTTP %(status)s): check the settings."
            )
            % {"gateway": gateway, "status": response.status_code},
            status=response.status_code,
            response=response.text[:4000],
        )
    return response


def json_of(response: requests.Response) -> dict | list | None:
    try:
        return response.json()
    except ValueError:
        return None
