import pytest

from dhis2.client import Dhis2Client, Dhis2Connection
from tests.dhis2.fake_dhis2 import TOKEN, FakeDhis2, RunningServer


@pytest.fixture
def dhis2_server():
    with RunningServer(FakeDhis2()) as fake:
        yield fake


def fast_connection(url: str, token: str = TOKEN, **overrides) -> Dhis2Connection:
    """Short timeouts and back-off so that failure tests take seconds."""
    options = {
        "connect_timeout": 1.0,
        "read_timeout": 0.5,
        "retries": 2,
        "backoff": 0.05,
        "total_budget": 5.0,
    }
    options.update(overrides)
    return Dhis2Connection(base_url=url, token=token, **options)


@pytest.fixture
def dhis2_client(dhis2_server):
    return Dhis2Client(fast_connection(dhis2_server.url))


@pytest.fixture
def dhis2_settings(db, dhis2_server):
    """Stored connection settings pointing at the fake server, with fast timeouts."""
    from dhis2.models import Dhis2Settings

    settings = Dhis2Settings.load()
    settings.base_url = dhis2_server.url
    settings.auth_method = "token"
    settings.token = TOKEN
    settings.connect_timeout = 1
    settings.read_timeout = 1
    settings.save()
    return settings
