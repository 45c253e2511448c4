"""The gateways' real clients against local servers speaking their protocols."""

import json
from urllib.parse import parse_qs

import pytest

from sms.backends import SmsError, get_backend
from tests.sms.gateways import RAPIDPRO_TOKEN


def test_rapidpro_posts_the_documented_broadcast_with_the_token(rapidpro):
    result = get_backend().send("+2290197123456", "Bonjour Kandi")

    request = rapidpro.requests[0]
    assert request["path"] == "/api/v2/broadcasts.json"
    assert request["headers"]["Authorization"] == f"Token {RAPIDPRO_TOKEN}"
    assert json.loads(request["body"]) == {
        "urns": ["tel:+2290197123456"],
        "text": "Bonjour Kandi",
    }
    assert (result.message_id, result.status) == ("1001", "queued")
    assert '"id": 1001' in result.response


def test_a_current_rapidpros_broadcast_uuid_is_logged(rapidpro):
    """Current RapidPro answers a broadcast with its "uuid" (older ones an "id")."""
    rapidpro.answers_uuid = True
    result = get_backend().send("+2290197123456", "Bonjour Kandi")
    assert result.message_id == "0199bb98-3637-778d-9dfc-000000001001"


def test_rapidpro_bad_token_is_a_clear_failure_not_retried(rapidpro, settings):
    settings.RAPIDPRO_TOKEN = "wrong"
    with pytest.raises(SmsError) as caught:
        get_backend().send("+2290197123456", "x")
    assert caught.value.status == 401 and not caught.value.retry
    assert "RapidPro a refusé les identifiants (HTTP 401)" in caught.value.message


def test_rapidpro_field_errors_are_read(rapidpro):
    with pytest.raises(SmsError) as caught:
        get_backend().send("2290197", "x")  # not a tel:+ URN
    assert caught.value.status == 400 and not caught.value.retry
    assert "urns: Invalid URN: tel:2290197" in caught.value.message


def test_rapidpro_429_is_retried_after_its_retry_after(rapidpro):
    rapidpro.script = [
        (
            429,
            {"Retry-After": "7"},
            {"detail": "Request was throttled. Expected available in 7 seconds."},
        )
    ]
    with pytest.raises(SmsError) as caught:
        get_backend().send("+2290197123456", "x")
    assert caught.value.retry and caught.value.retry_after == 7


def test_rapidpro_5xx_and_timeout_are_retryable(rapidpro, settings):
    rapidpro.script = [(502, {}, b"Bad Gateway")]
    with pytest.raises(SmsError) as caught:
        get_backend().send("+2290197123456", "x")
    assert caught.value.retry and caught.value.status == 502

    settings.SMS_TIMEOUT_SECONDS = 0.3
    rapidpro.delay = 1.0
    with pytest.raises(SmsError) as caught:
        get_backend().send("+2290197123456", "x")
    assert (
        caught.value.retry
        and caught.value.message == "RapidPro n’a pas répondu à temps."
    )


def test_africastalking_posts_the_form_with_the_api_key(africastalking):
    result = get_backend().send("+224622123456", "Bonjour Boké")

    request = africastalking.requests[0]
    assert request["path"] == "/version1/messaging"
    assert request["headers"]["apiKey"] == "at-test-key"
    form = parse_qs(request["body"].decode())
    assert form == {
        "username": ["sandbox"],
        "to": ["+224622123456"],
        "message": ["Bonjour Boké"],
    }
    assert (result.message_id, result.status) == ("ATXid_1001", "Success")


def test_africastalking_recipient_failure_is_read_and_gateway_errors_retried(
    africastalking,
):
    with pytest.raises(SmsError) as caught:
        get_backend().send("224622", "x")  # InvalidPhoneNumber (403)
    assert not caught.value.retry and "InvalidPhoneNumber (403)" in caught.value.message

    africastalking.script = [
        (
            201,
            {},
            {
                "SMSMessageData": {
                    "Message": "",
                    "Recipients": [
                        {
                            "statusCode": 501,
                            "number": "+224622123456",
                            "status": "GatewayError",
                            "messageId": "None",
                        }
                    ],
                }
            },
        )
    ]
    with pytest.raises(SmsError) as caught:
        get_backend().send("+224622123456", "x")
    assert caught.value.retry


def test_africastalking_sandbox_url_by_default(settings):
    settings.AFRICASTALKING_URL = ""
    settings.AFRICASTALKING_USERNAME, settings.AFRICASTALKING_API_KEY = "sandbox", "k"
    backend = get_backend("sms.backends.africastalking.SmsBackend")
    assert backend.url == "https://api.sandbox.africastalking.com/version1/messaging"
    settings.AFRICASTALKING_USERNAME = "districtteam"
    backend = get_backend("sms.backends.africastalking.SmsBackend")
    assert backend.url == "https://api.africastalking.com/version1/messaging"


def test_rapidpro_whatsapp_urn_where_the_workspace_has_whatsapp(rapidpro, settings):
    settings.RAPIDPRO_URN_SCHEME = "whatsapp"
    get_backend().send("+2290197123456", "Bonjour")
    assert json.loads(rapidpro.requests[0]["body"])["urns"] == [
        "whatsapp:2290197123456"
    ]
