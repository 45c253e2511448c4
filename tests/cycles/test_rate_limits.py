"""The survey's autosave and submit are rate limited per account, translated, and a
limited autosave stores nothing wrong and loses nothing (the browser keeps its copy
and tries again: static/js/survey.js)."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from cycles.models import SurveyResponse
from tests.cycles.test_survey import VALID, post_draft, post_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_limits(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "autosave": "2/h", "submit": "1/h"}


def test_limited_autosave_is_a_translated_json_429_and_keeps_the_last_save(
    client, cycle, member, teammate, tight_limits
):
    client.force_login(member)
    assert post_draft(client, cycle, {"stock_outs": "5"}).status_code == 200
    assert post_draft(client, cycle, {"stock_outs": "6"}, 1).status_code == 200
    refused = post_draft(client, cycle, {"stock_outs": "7"}, 2)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "gardées sur cet appareil" in refused.json()["message"]
    stored = SurveyResponse.objects.get()
    assert (stored.version, stored.answers) == (2, {"stock_outs": 6})

    # Counted per account: a teammate on the same connection still saves.
    client.force_login(teammate)
    assert post_draft(client, cycle, {"stock_outs": "7"}, 2).status_code == 200


def test_limited_autosave_in_english(client, cycle, cycle_en, member, tight_limits):
    client.force_login(member)
    for version in (0, 1):
        post_draft(client, cycle_en, {"stock_outs": "5"}, version)
    refused = post_draft(client, cycle_en, {"stock_outs": "7"}, 2)
    assert refused.status_code == 429
    assert "kept on this device" in refused.json()["message"]


def test_limited_submit_gets_the_french_429_page(client, cycle, member, tight_limits):
    client.force_login(member)
    assert post_survey(client, cycle, VALID).status_code in (200, 302)
    refused = post_survey(client, cycle, VALID, version=1, token="tok-2")
    assert refused.status_code == 429
    assert "Trop de requêtes" in refused.content.decode()
    assert client.get(cycle.url).status_code == 200  # reading is never limited


def test_survey_script_keeps_the_local_copy_and_retries_after_a_429():
    """The autosave loop is static/js/autosave.js's, shared by survey.js and
    followup.js: a 429 keeps the device's copy marked unsent and tries again."""
    shared = (Path(django_settings.BASE_DIR) / "static/js/autosave.js").read_text()
    branch = shared[shared.index("response.status === 429") :][:400]
    assert "Retry-After" in branch and "later(" in branch and "offline(" in branch
    offline = shared[shared.index("function offline(") :][:200]
    assert "options.store(true)" in offline  # the text stays on the device, unsent
