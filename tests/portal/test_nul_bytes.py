"""A NUL byte typed, pasted or sent anywhere text is accepted: never an HTTP 500.

PostgreSQL refuses NUL in text ("A string literal cannot contain NUL (0x00)
characters"); run this module with DATABASE_URL on PostgreSQL as well as on SQLite.
"""

import json

import pytest

from cycles.models import SurveyResponse
from discussions.models import CommentDetails
from tests.cycles.conftest import make_cycle

pytestmark = pytest.mark.django_db

NUL = "\x00"


@pytest.fixture
def open_cycle(home_page):
    from cycles.factories import CycleIndexPageFactory

    return make_cycle(CycleIndexPageFactory(parent=home_page))


@pytest.fixture
def forum(home_page):
    from discussions.factories import ForumPageFactory

    return ForumPageFactory(parent=home_page)


def test_comment_with_a_nul_byte_is_stored_without_it(client, forum, member):
    client.force_login(member)
    response = client.post(
        f"/fr/discussions/page/{forum.pk}/post/", {"text": f"Rupture{NUL} à Kandi"}
    )
    assert response.status_code == 302
    assert CommentDetails.objects.get().comment.comment == "Rupture à Kandi"


def test_survey_answer_with_a_nul_byte_is_saved_without_it(client, open_cycle, member):
    client.force_login(member)
    response = client.post(
        open_cycle.url,
        {
            "comment": f"Livraison{NUL} tardive",
            "draft": "1",
            "version": "0",
            "submission_token": "t",
        },
    )
    assert response.status_code == 302
    assert SurveyResponse.objects.get().answers == {"comment": "Livraison tardive"}


def test_autosaved_answer_with_a_nul_byte_is_saved_without_it(
    client, open_cycle, member
):
    client.force_login(member)
    response = client.post(
        open_cycle.url + "draft/",
        data=json.dumps({"answers": {"comment": f"a{NUL}b", "stock_outs": "3"}}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert SurveyResponse.objects.get().answers == {"comment": "ab", "stock_outs": 3}


def test_uploaded_table_with_a_nul_byte_is_read_without_it():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from charts.datasets import frame_to_table, read_table

    upload = SimpleUploadedFile("t.csv", b"district,valeur\nKandi\x00,3\n")
    table = frame_to_table(read_table(upload, "t.csv"))
    assert NUL not in json.dumps(table)
    assert table["rows"][0][0] == "Kandi"


@pytest.mark.parametrize(
    "url",
    [
        f"/fr/search/?q=sant{NUL}é",
        f"/fr/search/?q=a&topic={NUL}",
        f"/fr/{NUL}/",
        f"/fr/cycles{NUL}/",
    ],
)
def test_a_nul_byte_in_an_address_is_never_a_500(client, home_page, url):
    assert client.get(url).status_code in (200, 400, 404)


def test_a_nul_byte_in_the_login_form_is_never_a_500(client, member):
    response = client.post("/fr/login/", {"username": f"member{NUL}", "password": "x"})
    assert response.status_code in (200, 400)


def test_a_nul_byte_in_the_session_cookie_is_never_a_500(client, home_page):
    from django.conf import settings

    client.cookies[settings.SESSION_COOKIE_NAME] = f"abcdefgh{NUL}ijkl"
    assert client.get("/fr/").status_code == 200
