import pytest

from tests.public_page_fixtures import (  # noqa: F401 (fixtures for PUBLIC_PAGES)
    pp_cycle_index,
    pp_cycle_index_en,
    pp_cycles,
    pp_forum,
    pp_invitation_token,
    pp_lesson_alert_token,
    pp_lessons,
    pp_library,
    pp_receipt_cycle,
    pp_reminder_token,
)
from tests.security.headers import production_security_settings


@pytest.fixture
def production_settings(settings):
    """This test runs with the security settings of portal.settings.production."""
    for name, value in production_security_settings().items():
        setattr(settings, name, value)
    return settings


@pytest.fixture
def https_client(client, production_settings):
    """A test client whose requests arrive over HTTPS, as behind the TLS proxy."""
    client.defaults["wsgi.url_scheme"] = "https"
    client.defaults["SERVER_PORT"] = "443"
    return client
