import pytest

from tests.sms.gateways import (
    AT_KEY,
    AT_USERNAME,
    RAPIDPRO_TOKEN,
    africastalking_server,
    rapidpro_server,
)


@pytest.fixture
def rapidpro(settings):
    with rapidpro_server() as server:
        settings.SMS_BACKEND = "sms.backends.rapidpro.SmsBackend"
        settings.RAPIDPRO_URL = server.url
        settings.RAPIDPRO_TOKEN = RAPIDPRO_TOKEN
        yield server


@pytest.fixture
def africastalking(settings):
    with africastalking_server() as server:
        settings.SMS_BACKEND = "sms.backends.africastalking.SmsBackend"
        settings.AFRICASTALKING_URL = server.url + "/version1/messaging"
        settings.AFRICASTALKING_USERNAME = AT_USERNAME
        settings.AFRICASTALKING_API_KEY = AT_KEY
        settings.AFRICASTALKING_SENDER_ID = ""
        yield server
