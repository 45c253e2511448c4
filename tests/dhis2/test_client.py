"""The DHIS2 client against a DHIS2-speaking server on 127.0.0.1."""

import time

import pytest
from django.utils import translation

from dhis2.client import Dhis2Client, Dhis2Error
from tests.dhis2.conftest import fast_connection
from tests.dhis2.fake_dhis2 import TOKEN, org_unit


def _units(count):
    return [
        org_unit(f"OU{n:09d}", f"District {n}", 3, parent=("REG000000001", "Alibori"))
        for n in range(count)
    ]


def test_follows_the_pager_over_several_pages(dhis2_server, dhis2_client):
    dhis2_server.org_units = _units(7)
    items = list(
        dhis2_client.paged("organisationUnits", "organisationUnits", page_size=3)
    )
    assert [i["id"] for i in items] == [f"OU{n:09d}" for n in range(7)]
    pages = [r["query"]["page"] for r in dhis2_server.requests_to("organisationUnits")]
    assert pages == [["1"], ["2"], ["3"]]


def test_sends_the_personal_access_token(dhis2_server, dhis2_client):
    assert dhis2_client.system_info()["version"] == "2.41.1"
    assert dhis2_server.requests[0]["authorization"] == f"ApiToken {TOKEN}"


def test_basic_auth_is_sent_when_chosen(dhis2_server):
    connection = fast_connection(
        dhis2_server.url, auth_method="basic", username="admin", password="district"
    )
    with pytest.raises(Dhis2Error):
        Dhis2Client(connection).me()
    assert dhis2_server.requests[0]["authorization"].startswith("Basic ")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", "le jeton ou le mot de passe est faux"),
        ("en", "token or password is wrong"),
    ],
)
def test_wrong_token_is_a_401_explained_once(dhis2_server, language, words):
    client = Dhis2Client(fast_connection(dhis2_server.url, token="d2pat_wrong"))
    with translation.override(language), pytest.raises(Dhis2Error) as caught:
        client.me()
    assert caught.value.kind == "unauthorized"
    assert "401" in caught.value.message
    assert words in caught.value.message
    assert "\n" not in caught.value.message
    assert len(dhis2_server.requests) == 1  # a 401 is not retried


def test_server_error_is_retried_then_explained(dhis2_server, dhis2_client):
    dhis2_server.failures["system/info"] = 500
    with pytest.raises(Dhis2Error) as caught:
        dhis2_client.system_info()
    assert caught.value.kind == "server"
    assert "500" in caught.value.message
    assert len(dhis2_server.requests) == 3  # first try + 2 retries


def test_forbidden_and_not_found(dhis2_server, dhis2_client):
    dhis2_server.failures["me"] = 403
    with pytest.raises(Dhis2Error) as caught:
        dhis2_client.me()
    assert caught.value.kind == "forbidden"
    with pytest.raises(Dhis2Error) as caught:
        dhis2_client.get("nothingHere")
    assert caught.value.kind == "not_found"


def test_truncated_json(dhis2_server, dhis2_client):
    dhis2_server.failures["organisationUnits"] = "truncated"
    with pytest.raises(Dhis2Error) as caught:
        list(dhis2_client.paged("organisationUnits", "organisationUnits"))
    assert caught.value.kind == "truncated"


def test_not_json(dhis2_server, dhis2_client):
    dhis2_server.failures["system/info"] = "not_json"
    with pytest.raises(Dhis2Error) as caught:
        dhis2_client.system_info()
    assert caught.value.kind == "not_json"
    assert "JSON" in caught.value.message


def test_a_server_that_never_answers_gives_up_within_the_budget(dhis2_server):
    dhis2_server.failures["system/info"] = "hang"
    client = Dhis2Client(fast_connection(dhis2_server.url, total_budget=2.0))
    started = time.monotonic()
    with pytest.raises(Dhis2Error) as caught:
        client.system_info()
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 4
    assert len(dhis2_server.requests) == 3


def test_nobody_listening_is_a_connection_error():
    client = Dhis2Client(fast_connection("http://127.0.0.1:9", retries=0))
    with pytest.raises(Dhis2Error) as caught:
        client.system_info()
    assert caught.value.kind == "connection"


def test_409_carries_the_conflicts(dhis2_server, dhis2_client):
    dhis2_server.data_elements = {"fbfJHSPpUQD"}
    with pytest.raises(Dhis2Error) as caught:
        dhis2_client.post(
            "dataValueSets",
            {
                "dataValues": [
                    {
                        "dataElement": "unknownDE01",
                        "period": "202501",
                        "orgUnit": "x",
                        "value": "1",
                    }
                ]
            },
        )
    assert caught.value.kind == "conflict"
    assert caught.value.conflicts[0]["object"] == "unknownDE01"
    assert "Data element not found" in caught.value.message


def test_no_base_url_is_a_clear_error():
    with pytest.raises(Dhis2Error) as caught:
        Dhis2Client(fast_connection(""))
    assert caught.value.kind == "config"
